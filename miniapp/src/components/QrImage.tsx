import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUrl } from '../lib/qr'

/** A QR code of `text` as an SVG data URL in an <Image> — the same in H5 and weapp. */
export function QrImage({ text, size = 360, testId }: { text: string; size?: number; testId?: string }) {
  const src = useMemo(() => (text ? qrDataUrl(text) : ''), [text])
  return (
    <View className='qr' style={{ width: `${size}px`, height: `${size}px` }}>
      {src ? <Image className='qr__img' src={src} mode='aspectFit' data-testid={testId} data-text={text} /> : null}
    </View>
  )
}
