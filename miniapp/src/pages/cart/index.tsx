import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  cartCount,
  cartLines,
  linesTotalFen,
  onCartChange,
  removeFromCart,
  setQuantity,
  type CartLine,
} from '../../lib/cart';
import { startCheckout } from '../../lib/checkout';
import { useReShare } from '../../hooks/useEntry';
import { Price } from '../../components/Price';
import { Empty } from '../../components/State';
import { Stepper } from '../../components/Stepper';
import { TabBar } from '../../components/TabBar';
import { Thumb } from '../../components/Thumb';
import { CartBar } from '../../components/CartBar';

export default function CartPage() {
  const [lines, setLines] = useState<CartLine[]>(() => cartLines());
  useDidShow(() => setLines(cartLines()));
  useEffect(() => onCartChange(setLines), []);
  // Sharing the cart page sends people to the storefront, still with the guide's code.
  useReShare('pages/index/index', {}, null, () => ({ title: 'GuideShare 优选 · 导购精选好物' }));

  const total = linesTotalFen(lines);
  const count = cartCount(lines);

  return (
    <View className="page page--tabbed page--cartbar">
      {lines.length === 0 ? (
        <Empty
          title="购物车空空如也"
          hint="去看看导购为你推荐的好物吧"
          action={{ text: '去逛逛', onClick: () => Taro.reLaunch({ url: '/pages/index/index' }) }}
        />
      ) : (
        <View data-testid="cart-list">
          {lines.map((l) => (
            <View key={l.skuId} className="card line" data-testid="cart-line" data-sku-id={l.skuId}>
              <Thumb src={l.imageUrl} name={l.productName} className="line__img" />
              <View className="line__body">
                <Text
                  className="line__name"
                  onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(l.productId)}` })}
                >
                  {l.productName}
                </Text>
                <Text className="line__sku">{l.skuName}</Text>
                <View className="row row--between">
                  <Price fen={l.priceFen} />
                  <Stepper
                    value={l.quantity}
                    max={typeof l.stock === 'number' ? Math.max(1, Math.min(l.stock, 99)) : 99}
                    onChange={(q) => setQuantity(l.skuId, q)}
                    testId="cart-qty"
                  />
                </View>
              </View>
              <Text className="line__remove" onClick={() => removeFromCart([l.skuId])} data-testid="cart-remove">
                删除
              </Text>
            </View>
          ))}
        </View>
      )}

      {lines.length > 0 ? (
        <CartBar label="合计：" totalFen={total} testId="cart-total">
          <View
            className="btn btn--primary cartbar__btn"
            data-testid="go-checkout"
            onClick={() => {
              startCheckout('cart', lines);
              void Taro.navigateTo({ url: '/pages/checkout/index' });
            }}
          >
            去结算({count})
          </View>
        </CartBar>
      ) : null}

      <TabBar current="cart" />
    </View>
  );
}
