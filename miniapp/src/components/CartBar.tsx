import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Price } from './Price';

/** The bar pinned above the tab bar of the cart and checkout: the total and the next step's button. */
export function CartBar({
  label,
  totalFen,
  testId,
  children,
}: {
  label: string;
  totalFen: number;
  testId: string;
  children: ReactNode;
}) {
  return (
    <View className="cartbar">
      <View className="cartbar__total">
        <Text className="muted">{label}</Text>
        <Price fen={totalFen} size="lg" testId={testId} />
      </View>
      {children}
    </View>
  );
}
