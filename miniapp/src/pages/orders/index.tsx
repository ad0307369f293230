import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { api } from '../../lib/api';
import { formatPrice } from '@guideshare/contracts';
import { fulfilmentLabel } from '../../lib/fulfilment';
import { formatDateTime, orderStatusLabel, orderStatusTone, shortId } from '../../lib/labels';
import { useAsync } from '../../hooks/useAsync';
import { skuIndexSafe, storeIndexSafe } from '../../hooks/useCatalog';
import { useReShare } from '../../hooks/useEntry';
import { Price } from '../../components/Price';
import { Empty, ErrorState, Loading } from '../../components/State';

export default function OrdersPage() {
  const orders = useAsync(async () => {
    const [list, skus] = await Promise.all([api.orders(), skuIndexSafe()]);
    const sorted = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    // counter sales name their store
    const stores = sorted.some((o) => o.channel === 'store')
      ? await storeIndexSafe()
      : new Map<string, { name: string }>();
    return { list: sorted, skus, stores };
  }, []);
  const shown = useRef(false);
  useDidShow(() => {
    // coming back from an order: refresh statuses (the first show is the initial load)
    if (shown.current) void orders.reload();
    shown.current = true;
  });
  useReShare('pages/index/index', {}, null, () => ({ title: 'GuideShare 优选 · 导购精选好物' }));

  if (orders.status === 'loading' && !orders.data)
    return (
      <View className="page">
        <Loading />
      </View>
    );
  if (orders.status === 'error')
    return (
      <View className="page">
        <ErrorState error={orders.error} onRetry={orders.reload} />
      </View>
    );
  const { list, skus, stores } = orders.data!;
  if (list.length === 0) {
    return (
      <View className="page">
        <Empty
          title="还没有订单"
          hint="下单后可以在这里查看订单状态和退款"
          action={{ text: '去逛逛', onClick: () => Taro.reLaunch({ url: '/pages/index/index' }) }}
        />
      </View>
    );
  }
  return (
    <View className="page" data-testid="order-list">
      {list.map((o) => {
        const count = o.lines.reduce((n, l) => n + l.quantity, 0);
        const { refundedFen } = o;
        const storeName = o.channel === 'store' && o.storeId ? stores.get(o.storeId)?.name : undefined;
        const names = o.lines
          .slice(0, 2)
          .map((l) => (l.skuId ? (skus.get(l.skuId)?.product.name ?? `商品 ${shortId(l.skuId, 6)}`) : '门店消费'));
        return (
          <View
            key={o.id}
            className="card order-card"
            data-testid="order-card"
            data-order-id={o.id}
            data-status={o.status}
            onClick={() => Taro.navigateTo({ url: `/pages/order/index?id=${encodeURIComponent(o.id)}` })}
          >
            <View className="row row--between">
              <Text className="muted">
                {o.channel === 'store'
                  ? `门店消费${storeName ? ` · ${storeName}` : ''}`
                  : `线上订单 · ${o.orderNo || shortId(o.id)}`}
              </Text>
              <Text className={`status status--${orderStatusTone(o.status)}`} data-testid="order-card-status">
                {fulfilmentLabel(o) || orderStatusLabel(o.status)}
              </Text>
            </View>
            <View className="order-card__items">
              {names.map((n, i) => (
                <Text key={i} className="order-card__name">
                  {n}
                </Text>
              ))}
              {o.lines.length > 2 ? <Text className="muted">等 {o.lines.length} 种商品</Text> : null}
            </View>
            <View className="row row--between">
              <Text className="muted">{formatDateTime(o.createdAt)}</Text>
              <View className="row">
                <Text className="muted">
                  {o.channel === 'store' && o.lines.every((l) => !l.skuId) ? '消费 ' : `共 ${count} 件 合计 `}
                </Text>
                <Price fen={o.totalFen} size="sm" />
                {refundedFen > 0 ? (
                  <Text className="order-card__refund" data-testid="order-card-refund">
                    已退 {formatPrice(refundedFen)}
                  </Text>
                ) : null}
              </View>
            </View>
            {o.status === 'PENDING_PAYMENT' ? (
              <View className="row row--end mt">
                <View className="btn btn--primary btn--sm">去支付</View>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
