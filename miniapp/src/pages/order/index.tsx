import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatPrice, type OrderLine } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { AppError } from '../../lib/errors';
import { formatDateTime, orderStatusLabel, orderStatusTone, shortId } from '../../lib/labels';
import { payOrder } from '../../lib/pay';
import { asAppError, useAsync } from '../../hooks/useAsync';
import { skuIndexSafe, storeIndexSafe } from '../../hooks/useCatalog';
import { useReShare } from '../../hooks/useEntry';
import { Price } from '../../components/Price';
import { ErrorBanner, ErrorState, Loading } from '../../components/State';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { Thumb } from '../../components/Thumb';
import { AfterSales } from './AfterSales';
import { FulfilmentCard } from './FulfilmentCard';
import { fulfilmentStage } from '../../lib/fulfilment';
import { Kv } from '../../components/Kv';

const STATUS_HINTS: Record<string, string> = {
  PENDING_PAYMENT: '请尽快完成支付，超时未支付的订单将自动取消',
  PAID: '支付成功，商家正在为您备货',
  PARTIALLY_REFUNDED: '部分商品已退款，款项将原路退回',
  REFUNDED: '订单已全额退款，款项将原路退回',
  CANCELLED: '订单已取消',
};

/** Counter sales (channel `store`): paid at the till, refunded there too. */
const STORE_STATUS_HINTS: Record<string, string> = {
  PAID: '门店消费已记录，计入您的会员权益',
  PARTIALLY_REFUNDED: '门店已办理部分退款',
  REFUNDED: '门店已办理全额退款',
};

/** "已退 1 件 · ¥99.00", or just the amount when a refund was by amount (counter refunds). */
export function lineRefundText(l: Pick<OrderLine, 'refundedQuantity' | 'refundedFen'>): string {
  const parts: string[] = [];
  if (l.refundedQuantity) parts.push(`${l.refundedQuantity} 件`);
  if (l.refundedFen) parts.push(formatPrice(l.refundedFen));
  return `已退 ${parts.join(' · ')}`;
}

export default function OrderPage() {
  const { params } = useRouter();
  const id = params?.id ?? '';
  const order = useAsync(async () => {
    if (!id) throw new AppError('NOT_FOUND', '链接缺少订单编号');
    const [o, skus] = await Promise.all([api.order(id), skuIndexSafe()]);
    // counter sales and pickups name their store
    const stores =
      o.channel === 'store' || o.fulfilment?.type === 'pickup' ? await storeIndexSafe() : new Map<string, never>();
    return { o, skus, stores };
  }, [id]);
  const [paying, setPaying] = useState(false);
  const [payError, setPayError] = useState<AppError | null>(null);
  const [receiving, setReceiving] = useState(false);
  useReShare('pages/index/index', {}, null, () => ({ title: 'GuideShare 优选 · 导购精选好物' }));

  if (order.status === 'loading' && !order.data)
    return (
      <View className="page">
        <Loading />
      </View>
    );
  if (order.status === 'error' && !order.data)
    return (
      <View className="page">
        <ErrorState error={order.error} onRetry={order.reload} />
      </View>
    );
  const { o, skus, stores } = order.data!;
  const { paidFen, refundedFen } = o;
  const inStore = o.channel === 'store';
  const store = o.storeId ? stores.get(o.storeId) : undefined;
  const storeName = store
    ? `${store.name}${store.city ? ` · ${store.city}` : ''}`
    : o.storeId
      ? `门店 ${shortId(o.storeId, 6)}`
      : '门店';
  // A paid online order is told by where it is (待发货, 已发货, 待自提, 已完成).
  const stage = o.status === 'PAID' && o.fulfilment ? fulfilmentStage(o.fulfilment) : null;
  const hint = stage?.hint ?? (inStore ? STORE_STATUS_HINTS[o.status] : undefined) ?? STATUS_HINTS[o.status] ?? '';
  const justPaid = params?.paid === '1' && o.status === 'PAID' && o.fulfilment?.status !== 'FULFILLED';

  const cancel = async () => {
    if (paying) return;
    const ok = await Taro.showModal({
      title: '取消订单',
      content: '确定要取消这个订单吗？',
      confirmText: '取消订单',
      cancelText: '再想想',
    });
    if (!ok?.confirm) return;
    setPayError(null);
    try {
      await api.cancelOrder(o.id);
      void Taro.showToast({ title: '订单已取消', icon: 'none' });
    } catch (e) {
      setPayError(asAppError(e));
    }
    void order.reload();
  };

  const confirmReceipt = async () => {
    if (receiving) return;
    const ok = await Taro.showModal({
      title: '确认收货',
      content: '请确认您已收到全部商品',
      confirmText: '确认收货',
      cancelText: '还没收到',
    });
    if (!ok?.confirm) return;
    setReceiving(true);
    setPayError(null);
    try {
      await api.confirmReceipt(o.id);
      void Taro.showToast({ title: '已确认收货', icon: 'success' });
    } catch (e) {
      setPayError(asAppError(e));
    } finally {
      setReceiving(false);
      void order.reload();
    }
  };

  const orderNo = o.orderNo || shortId(o.id, 12);
  const copyOrderNo = async () => {
    try {
      await Taro.setClipboardData({ data: orderNo });
    } catch {
      setPayError(new AppError('CLIPBOARD_FAILED', '复制没有成功，请长按订单号手动复制'));
    }
  };

  const pay = async () => {
    if (paying) return;
    setPaying(true);
    setPayError(null);
    try {
      await payOrder(o.id);
    } catch (e) {
      setPayError(asAppError(e));
    } finally {
      setPaying(false);
      void order.reload();
    }
  };

  return (
    <View className="page" data-testid="order-page" data-order-id={o.id}>
      {payError ? <ErrorBanner error={payError} onClose={() => setPayError(null)} /> : null}
      <View className={`status-hero status-hero--${orderStatusTone(o.status)}`}>
        <Text className="status-hero__label" data-testid="order-status" data-status={o.status}>
          {justPaid ? '支付成功' : (stage?.label ?? orderStatusLabel(o.status))}
        </Text>
        <Text className="status-hero__hint">{hint}</Text>
        {inStore ? (
          <Text className="status-hero__chip" data-testid="order-store-chip">
            门店消费 · {storeName}
          </Text>
        ) : null}
        {o.status === 'PENDING_PAYMENT' ? (
          <View className="row mt">
            <View
              className={`btn btn--light btn--sm${paying ? ' btn--disabled' : ''}`}
              onClick={() => void pay()}
              data-testid="pay-button"
            >
              {paying ? '支付中…' : '立即支付'}
            </View>
            <View
              className="btn btn--outline-light btn--sm ml"
              onClick={() => void order.reload()}
              data-testid="refresh-order"
            >
              刷新状态
            </View>
            <View
              className="btn btn--outline-light btn--sm ml"
              onClick={() => void cancel()}
              data-testid="cancel-order"
            >
              取消订单
            </View>
          </View>
        ) : null}
      </View>

      {o.fulfilment && !inStore && o.status !== 'CANCELLED' && o.status !== 'REFUNDED' ? (
        <FulfilmentCard
          fulfilment={o.fulfilment}
          store={o.fulfilment.storeId ? stores.get(o.fulfilment.storeId) : undefined}
          paid={o.status !== 'PENDING_PAYMENT'}
          busy={receiving}
          onConfirmReceipt={() => void confirmReceipt()}
        />
      ) : null}

      <View className="card">
        <Text className="card__title">{inStore ? '消费明细' : '商品'}</Text>
        {o.lines.map((l) => {
          const info = l.skuId ? skus.get(l.skuId) : undefined;
          const name = info?.product.name ?? (l.skuId ? `商品 ${shortId(l.skuId, 6)}` : '门店消费');
          const refunded = !!(l.refundedQuantity || l.refundedFen);
          return (
            <View key={l.id} className="line line--compact" data-testid="order-line" data-sku-id={l.skuId ?? ''}>
              <Thumb src={info?.product.imageUrl} name={name} className="line__img line__img--sm" />
              <View className="line__body">
                <Text className="line__name">{name}</Text>
                <Text className="line__sku">
                  {info?.sku.name ?? (l.skuId ? '' : `小票金额${o.receiptNo ? ` · ${o.receiptNo}` : ''}`)}
                </Text>
                {refunded ? (
                  <Text className="tag tag--refund" data-testid="line-refund">
                    {lineRefundText(l)}
                  </Text>
                ) : null}
              </View>
              <View className="line__side">
                {inStore ? (
                  <Price fen={l.amountFen} size="sm" testId="line-amount" />
                ) : (
                  <Price fen={l.unitPriceFen} size="sm" />
                )}
                {l.skuId ? <Text className="muted">×{l.quantity}</Text> : null}
              </View>
            </View>
          );
        })}
      </View>

      <View className="card">
        <Kv label={inStore ? '消费金额' : '商品总额'}>
          <Price fen={o.totalFen} size="sm" testId="order-total" />
        </Kv>
        <Kv label="实付金额">
          <Price fen={paidFen} size="sm" testId="order-paid" />
        </Kv>
        {refundedFen > 0 ? (
          <View data-testid="order-refund-summary">
            <Kv label="已退款">
              <Price fen={-refundedFen} size="sm" muted testId="order-refunded" />
            </Kv>
            <Kv label="退款后实付">
              <Price fen={Math.max(0, paidFen - refundedFen)} size="sm" testId="order-net" />
            </Kv>
          </View>
        ) : null}
      </View>

      {inStore ? null : <AfterSales order={o} skus={skus} onChanged={() => void order.reload()} />}

      <View className="card">
        <View className="kv">
          <Text className="kv__k">订单编号</Text>
          <View className="row">
            <Text className="kv__v kv__v--mono" selectable data-testid="order-no">
              {orderNo}
            </Text>
            <Text className="link link--tap" onClick={() => void copyOrderNo()} data-testid="copy-order-no">
              复制
            </Text>
          </View>
        </View>
        <Kv label={inStore ? '记录时间' : '下单时间'} value={formatDateTime(o.createdAt)} />
        {o.paidAt ? <Kv label={inStore ? '消费时间' : '支付时间'} value={formatDateTime(o.paidAt)} /> : null}
        <Kv label="订单类型" value={inStore ? '门店消费' : '线上商城'} testId="order-channel" />
        {inStore ? <Kv label="消费门店" value={storeName} testId="order-store" /> : null}
        {inStore && o.receiptNo ? <Kv label="小票号" value={o.receiptNo} mono testId="order-receipt" /> : null}
        {o.attribution?.guideId ? (
          <Kv label="服务导购" value={o.attribution.rule === 'service_guide' ? '专属导购' : '推荐导购'} />
        ) : null}
      </View>

      <View className="row row--center mt">
        <View
          className="btn btn--ghost btn--sm"
          onClick={() => Taro.redirectTo({ url: '/pages/orders/index' })}
          data-testid="all-orders"
        >
          全部订单
        </View>
        <View className="btn btn--ghost btn--sm ml" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          继续逛逛
        </View>
      </View>
      <PrivacyPopup />
    </View>
  );
}
