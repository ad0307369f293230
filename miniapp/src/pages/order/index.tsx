import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { formatPrice } from '@guideshare/contracts'
import { api } from '../../lib/api'
import { AppError } from '../../lib/errors'
import { formatDateTime, orderStatusLabel, orderStatusTone, shortId } from '../../lib/labels'
import { payOrder } from '../../lib/pay'
import { asAppError, useAsync } from '../../hooks/useAsync'
import { skuIndexSafe } from '../../hooks/useCatalog'
import { useReShare } from '../../hooks/useEntry'
import { Price } from '../../components/Price'
import { ErrorBanner, ErrorState, Loading } from '../../components/State'
import { Thumb } from '../../components/Thumb'

const STATUS_HINTS: Record<string, string> = {
  PENDING_PAYMENT: '请尽快完成支付，超时未支付的订单将自动取消',
  PAID: '支付成功，商家正在为您备货',
  PARTIALLY_REFUNDED: '部分商品已退款，款项将原路退回',
  REFUNDED: '订单已全额退款，款项将原路退回',
  CANCELLED: '订单已取消',
  COMPLETED: '订单已完成，感谢您的购买',
}

export default function OrderPage() {
  const { params } = useRouter()
  const id = params?.id ?? ''
  const order = useAsync(async () => {
    if (!id) throw new AppError('NOT_FOUND', '链接缺少订单编号')
    const [o, skus] = await Promise.all([api.order(id), skuIndexSafe()])
    return { o, skus }
  }, [id])
  const [paying, setPaying] = useState(false)
  const [payError, setPayError] = useState<AppError | null>(null)
  useReShare('pages/index/index', {}, null, () => ({ title: 'GuideShare 优选 · 导购精选好物' }))

  if (order.status === 'loading' && !order.data) return <View className='page'><Loading /></View>
  if (order.status === 'error' && !order.data) return <View className='page'><ErrorState error={order.error} onRetry={order.reload} /></View>
  const { o, skus } = order.data!
  const paidFen = o.paidFen ?? (o.status === 'PENDING_PAYMENT' || o.status === 'CANCELLED' ? 0 : o.totalFen)
  const refundedFen = o.refundedFen ?? o.lines.reduce((s, l) => s + (l.refundedFen ?? 0), 0)
  const justPaid = params?.paid === '1' && o.status === 'PAID'

  const cancel = async () => {
    if (paying) return
    const ok = await Taro.showModal({ title: '取消订单', content: '确定要取消这个订单吗？', confirmText: '取消订单', cancelText: '再想想' })
    if (!ok?.confirm) return
    setPayError(null)
    try {
      await api.cancelOrder(o.id)
      void Taro.showToast({ title: '订单已取消', icon: 'none' })
    } catch (e) {
      setPayError(asAppError(e))
    }
    void order.reload()
  }

  const pay = async () => {
    if (paying) return
    setPaying(true)
    setPayError(null)
    try {
      await payOrder(o.id)
    } catch (e) {
      setPayError(asAppError(e))
    } finally {
      setPaying(false)
      void order.reload()
    }
  }

  return (
    <View className='page' data-testid='order-page' data-order-id={o.id}>
      {payError ? <ErrorBanner error={payError} onClose={() => setPayError(null)} /> : null}
      <View className={`status-hero status-hero--${orderStatusTone(o.status)}`}>
        <Text className='status-hero__label' data-testid='order-status' data-status={o.status}>
          {justPaid ? '支付成功' : orderStatusLabel(o.status)}
        </Text>
        <Text className='status-hero__hint'>{STATUS_HINTS[o.status] ?? ''}</Text>
        {o.status === 'PENDING_PAYMENT' ? (
          <View className='row mt'>
            <View className={`btn btn--light btn--sm${paying ? ' btn--disabled' : ''}`} onClick={() => void pay()} data-testid='pay-button'>
              {paying ? '支付中…' : '立即支付'}
            </View>
            <View className='btn btn--outline-light btn--sm ml' onClick={() => void order.reload()} data-testid='refresh-order'>
              刷新状态
            </View>
            <View className='btn btn--outline-light btn--sm ml' onClick={() => void cancel()} data-testid='cancel-order'>
              取消订单
            </View>
          </View>
        ) : null}
      </View>

      <View className='card'>
        <Text className='card__title'>商品</Text>
        {o.lines.map((l) => {
          const info = l.skuId ? skus.get(l.skuId) : undefined
          const name = info?.product.name ?? (l.skuId ? `商品 ${shortId(l.skuId, 6)}` : '门店消费')
          return (
            <View key={l.id} className='line line--compact' data-testid='order-line'>
              <Thumb src={info?.product.imageUrl} name={name} className='line__img line__img--sm' />
              <View className='line__body'>
                <Text className='line__name'>{name}</Text>
                <Text className='line__sku'>{info?.sku.name ?? ''}</Text>
                {l.refundedQuantity || l.refundedFen ? (
                  <Text className='tag tag--muted' data-testid='line-refund'>
                    已退 {l.refundedQuantity ?? 0} 件{l.refundedFen ? ` · ${formatPrice(l.refundedFen)}` : ''}
                  </Text>
                ) : null}
              </View>
              <View className='line__side'>
                <Price fen={l.unitPriceFen} size='sm' />
                <Text className='muted'>×{l.quantity}</Text>
              </View>
            </View>
          )
        })}
      </View>

      <View className='card'>
        <View className='kv'><Text className='kv__k'>商品总额</Text><Price fen={o.totalFen} size='sm' testId='order-total' /></View>
        <View className='kv'><Text className='kv__k'>实付金额</Text><Price fen={paidFen} size='sm' testId='order-paid' /></View>
        {refundedFen > 0 ? (
          <View className='kv'><Text className='kv__k'>已退款</Text><Price fen={refundedFen} size='sm' testId='order-refunded' /></View>
        ) : null}
      </View>

      {o.refunds && o.refunds.length > 0 ? (
        <View className='card' data-testid='refund-list'>
          <Text className='card__title'>退款记录</Text>
          {o.refunds.map((r) => (
            <View key={r.id} className='kv'>
              <Text className='kv__k'>{formatDateTime(r.createdAt) || shortId(r.id)}{r.reason ? ` · ${r.reason}` : ''}</Text>
              <Price fen={r.amountFen} size='sm' />
            </View>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <View className='kv'><Text className='kv__k'>订单编号</Text><Text className='kv__v kv__v--mono' selectable data-testid='order-id'>{o.id}</Text></View>
        <View className='kv'><Text className='kv__k'>下单时间</Text><Text className='kv__v'>{formatDateTime(o.createdAt)}</Text></View>
        {o.paidAt ? <View className='kv'><Text className='kv__k'>支付时间</Text><Text className='kv__v'>{formatDateTime(o.paidAt)}</Text></View> : null}
        <View className='kv'><Text className='kv__k'>订单类型</Text><Text className='kv__v'>{o.channel === 'store' ? '门店消费' : '线上商城'}</Text></View>
        {o.attribution?.guideId ? (
          <View className='kv'><Text className='kv__k'>服务导购</Text><Text className='kv__v'>{o.attribution.rule === 'service_guide' ? '专属导购' : '推荐导购'}</Text></View>
        ) : null}
      </View>

      <View className='row row--center mt'>
        <View className='btn btn--ghost btn--sm' onClick={() => Taro.redirectTo({ url: '/pages/orders/index' })} data-testid='all-orders'>
          全部订单
        </View>
        <View className='btn btn--ghost btn--sm ml' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          继续逛逛
        </View>
      </View>
    </View>
  )
}
