import { Image, View } from '@tarojs/components';
import { useMemo } from 'react';
import { qrDataUrl } from '../lib/qr';

/**
 * A QR code of `text` as an SVG data URL in an <Image> — the same in H5 and weapp.
 * Sizes are CSS classes (inline style px would escape Taro's px → rpx/rem transform).
 */
export function QrImage({ text, size = 'lg', testId }: { text: string; size?: 'lg' | 'md' | 'sm'; testId?: string }) {
  const src = useMemo(() => (text ? qrDataUrl(text) : ''), [text]);
  return (
    <View className={`qr qr--${size}`}>
      {src ? <Image className="qr__img" src={src} mode="aspectFit" data-testid={testId} data-text={text} /> : null}
    </View>
  );
}
