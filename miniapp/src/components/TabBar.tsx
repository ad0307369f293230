import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { cartCount, cartLines, onCartChange } from '../lib/cart';
import type { IconName } from '../lib/icons';
import { Icon } from './Icon';

export type TabKey = 'index' | 'lives' | 'cart' | 'member';

const TABS: Array<{ key: TabKey; text: string; icon: IconName; url: string }> = [
  { key: 'index', text: '首页', icon: 'home', url: '/pages/index/index' },
  { key: 'lives', text: '直播', icon: 'live', url: '/pages/lives/index' },
  { key: 'cart', text: '购物车', icon: 'cart', url: '/pages/cart/index' },
  { key: 'member', text: '我的', icon: 'user', url: '/pages/member/index' },
];

const ACTIVE = '#e93b3d';
const INACTIVE = '#8a8f99';

/** Bottom navigation drawn by the app (same in H5 and weapp, no icon files, cart badge). */
export function TabBar({ current }: { current: TabKey }) {
  const [count, setCount] = useState(() => cartCount());
  useEffect(() => {
    setCount(cartCount(cartLines()));
    return onCartChange((lines) => setCount(cartCount(lines)));
  }, []);
  return (
    <View className="tabbar" data-testid="tabbar">
      {TABS.map((t) => {
        const active = t.key === current;
        return (
          <View
            key={t.key}
            className={`tabbar__item${active ? ' tabbar__item--active' : ''}`}
            data-testid={`tab-${t.key}`}
            onClick={() => {
              if (!active) void Taro.reLaunch({ url: t.url });
            }}
          >
            <View className="tabbar__icon">
              <Icon name={t.icon} color={active ? ACTIVE : INACTIVE} />
              {t.key === 'cart' && count > 0 ? (
                <Text className="tabbar__badge" data-testid="cart-badge">
                  {count > 99 ? '99+' : count}
                </Text>
              ) : null}
            </View>
            <Text className="tabbar__text">{t.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
