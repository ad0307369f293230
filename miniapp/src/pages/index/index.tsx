import { Input, ScrollView, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { Category, Product } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { useAsync } from '../../hooks/useAsync';
import { useEntry, useReShare } from '../../hooks/useEntry';
import { Icon } from '../../components/Icon';
import { ProductCard } from '../../components/ProductCard';
import { Empty, ErrorState, Loading } from '../../components/State';
import { TabBar } from '../../components/TabBar';

export const PAGE = 'pages/index/index';

/** Products of a category (null: all) whose name or description holds every word of the query. */
export function filterProducts(products: Product[], categoryId: string | null, query: string): Product[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return products.filter((p) => {
    if (categoryId && p.categoryId !== categoryId) return false;
    const text = `${p.name} ${p.description ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export default function CatalogPage() {
  const { params, openedWith, shareCode } = useEntry(PAGE);
  const products = useAsync(() => api.products(), []);
  // Categories are a nicety: the shop still sells without them.
  const categories = useAsync(() => api.categories().catch((): Category[] => []), []);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  useReShare(PAGE, params, openedWith, () => ({ title: 'GuideShare 优选 · 导购精选好物' }));

  const all = products.status === 'ready' ? products.data : undefined;
  const shown = useMemo(() => (all ? filterProducts(all, categoryId, query) : []), [all, categoryId, query]);
  // Only categories that have something on sale.
  const usable = (categories.data ?? []).filter((c) => all?.some((p) => p.categoryId === c.id));
  const filtered = !!categoryId || !!query.trim();

  const chip = (id: string | null, name: string) => (
    <View
      key={id ?? 'all'}
      className={`chip chip--cat${categoryId === id ? ' chip--on' : ''}`}
      onClick={() => setCategoryId(id)}
      data-testid="category-chip"
      data-category-id={id ?? ''}
    >
      {name}
    </View>
  );

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

      <View className="search" data-testid="search">
        <Icon name="search" color="#8a8f99" className="icon--sm" />
        <Input
          className="search__input"
          value={draft}
          confirmType="search"
          placeholder="搜索商品"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => setQuery(draft)}
          data-testid="search-input"
        />
        <View className="search__btn" onClick={() => setQuery(draft)} data-testid="search-submit">
          搜索
        </View>
      </View>

      {usable.length > 0 ? (
        <ScrollView className="cats" scrollX enhanced showScrollbar={false} data-testid="categories">
          <View className="cats__row">
            {chip(null, '全部')}
            {usable.map((c) => chip(c.id, c.name))}
          </View>
        </ScrollView>
      ) : null}

      {products.status === 'loading' && !products.data ? <Loading /> : null}
      {products.status === 'error' ? <ErrorState error={products.error} onRetry={products.reload} /> : null}
      {products.status === 'ready' && products.data.length === 0 ? (
        <Empty title="暂无商品" hint="店铺正在上新，稍后再来看看" />
      ) : null}
      {products.status === 'ready' && products.data.length > 0 && shown.length === 0 ? (
        <Empty
          title="没有找到相关商品"
          hint={query.trim() ? `换个关键词试试，比如商品名称` : '这个分类暂时没有商品'}
          action={{
            text: '查看全部商品',
            onClick: () => {
              setCategoryId(null);
              setDraft('');
              setQuery('');
            },
          }}
        />
      ) : null}
      {shown.length > 0 ? (
        <View className="grid" data-testid="product-list" data-filtered={filtered ? 'true' : 'false'}>
          {shown.map((p) => (
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
