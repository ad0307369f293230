import { View, Text } from '@tarojs/components';
import type { Product } from '@guideshare/contracts';
import { Price } from './Price';
import { Thumb } from './Thumb';

export function priceRange(product: Product): { minFen: number; maxFen: number } | null {
  const prices = product.skus.map((s) => s.priceFen).filter((p) => Number.isSafeInteger(p));
  if (prices.length === 0) return null;
  return { minFen: Math.min(...prices), maxFen: Math.max(...prices) };
}

export function isSoldOut(product: Product): boolean {
  return product.skus.every((s) => s.stock <= 0);
}

export function ProductCard({ product, onClick }: { product: Product; onClick: () => void }) {
  const range = priceRange(product);
  const soldOut = isSoldOut(product);
  return (
    <View className="pcard" onClick={onClick} data-testid="product-card" data-product-id={product.id}>
      <View className="pcard__media">
        <Thumb src={product.imageUrl} name={product.name} className="pcard__img" />
        {soldOut ? <View className="pcard__soldout">已售罄</View> : null}
      </View>
      <View className="pcard__body">
        <Text className="pcard__name">{product.name}</Text>
        <View className="pcard__foot">
          {range ? (
            <Price fen={range.minFen} suffix={range.maxFen > range.minFen ? '起' : undefined} />
          ) : (
            <Text className="muted">暂无报价</Text>
          )}
        </View>
      </View>
    </View>
  );
}
