import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api } from '../../lib/api';
import { useAsync } from '../../hooks/useAsync';
import { useEntry, useReShare } from '../../hooks/useEntry';
import { ProductCard } from '../../components/ProductCard';
import { Empty, ErrorState, Loading } from '../../components/State';
import { TabBar } from '../../components/TabBar';

export const PAGE = 'pages/index/index';

export default function CatalogPage() {
  const { params, openedWith, shareCode } = useEntry(PAGE);
  const products = useAsync(() => api.products(), []);
  useReShare(PAGE, params, openedWith, () => ({ title: 'GuideShare 优选 · 导购精选好物' }));

  return (
    <View className="page page--tabbed">
      <View className="hero">
        <Text className="hero__title">GuideShare 优选</Text>
        <Text className="hero__sub">门店同款 · 导购精选 · 线上下单到店同享</Text>
        {shareCode ? (
          <Text className="hero__tag" data-testid="share-badge">
            导购专属推荐
          </Text>
        ) : null}
      </View>

      <View className="section-title">
        <Text>全部商品</Text>
      </View>

      {products.status === 'loading' && !products.data ? <Loading /> : null}
      {products.status === 'error' ? <ErrorState error={products.error} onRetry={products.reload} /> : null}
      {products.status === 'ready' && products.data.length === 0 ? (
        <Empty title="暂无商品" hint="店铺正在上新，稍后再来看看" />
      ) : null}
      {products.status === 'ready' && products.data.length > 0 ? (
        <View className="grid" data-testid="product-list">
          {products.data.map((p) => (
            <ProductCard
              key={p.id}
              product={p}
              onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(p.id)}` })}
            />
          ))}
        </View>
      ) : null}

      <TabBar current="index" />
    </View>
  );
}
