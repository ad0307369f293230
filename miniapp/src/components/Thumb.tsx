import { Image, View, Text } from '@tarojs/components';
import { useState } from 'react';

/** Product image with a tinted placeholder (first character of the name) when missing or broken. */
export function Thumb({ src, name, className = '' }: { src?: string | null; name: string; className?: string }) {
  const [broken, setBroken] = useState(false);
  if (!src || broken) {
    const hue = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 360, 7);
    return (
      <View className={`thumb thumb--placeholder ${className}`} style={{ background: `hsl(${hue}, 60%, 92%)` }}>
        <Text className="thumb__letter" style={{ color: `hsl(${hue}, 45%, 40%)` }}>
          {name.slice(0, 1)}
        </Text>
      </View>
    );
  }
  return (
    <Image className={`thumb ${className}`} src={src} mode="aspectFill" lazyLoad onError={() => setBroken(true)} />
  );
}
