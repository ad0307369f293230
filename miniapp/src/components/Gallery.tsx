import { Image, Swiper, SwiperItem, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Thumb } from './Thumb';

/** The product's pictures: a swipeable gallery (tap to view full screen), or the placeholder without any. */
export function Gallery({ images, name }: { images: string[]; name: string }) {
  const [current, setCurrent] = useState(0);
  const urls = images.filter(Boolean);
  if (urls.length <= 1) return <Thumb src={urls[0]} name={name} className="detail__img" />;
  return (
    <View className="gallery" data-testid="gallery">
      <Swiper
        className="gallery__swiper"
        circular
        current={current}
        onChange={(e) => setCurrent(e.detail.current)}
        data-testid="gallery-swiper"
      >
        {urls.map((src, i) => (
          <SwiperItem key={src + i}>
            <Image
              className="detail__img"
              src={src}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls, current: src })}
              data-testid="gallery-image"
            />
          </SwiperItem>
        ))}
      </Swiper>
      <Text className="gallery__count" data-testid="gallery-count">
        {current + 1}/{urls.length}
      </Text>
    </View>
  );
}
