import { Image, View } from '@tarojs/components';
import { useMemo } from 'react';
import { barcodeDataUrl } from '../lib/barcode';

/** A Code 128 barcode of a digit string, as an SVG data URL in an <Image> (same in H5 and weapp). */
export function Barcode({ digits, testId }: { digits: string; testId?: string }) {
  const src = useMemo(() => barcodeDataUrl(digits), [digits]);
  if (!src) return null;
  return (
    <View className="barcode">
      <Image className="barcode__img" src={src} mode="scaleToFill" data-testid={testId} data-text={digits} />
    </View>
  );
}
