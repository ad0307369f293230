import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { linesTotalFen, removeFromCart } from '../../lib/cart';
import {
  checkoutDraft,
  clearCheckout,
  currentLiveId,
  updateCheckoutDraft,
  type CheckoutDraft,
} from '../../lib/checkout';
import { currentShareCode, learnShareWindow } from '../../lib/entry';
import { AppError } from '../../lib/errors';
import { PAID_STATUSES, payOrder } from '../../lib/pay';
import { asAppError } from '../../hooks/useAsync';
import { useReShare } from '../../hooks/useEntry';
import { Price } from '../../components/Price';
import { Empty, ErrorBanner } from '../../components/State';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { Thumb } from '../../components/Thumb';
import { FulfilmentPicker, fulfilmentRequest, initialChoice, type FulfilmentChoice } from './FulfilmentPicker';
import { Kv } from '../../components/Kv';
import { CartBar } from '../../components/CartBar';

type Stage = 'idle' | 'creating' | 'prepay' | 'paying' | 'confirming';

const STAGE_TEXT: Record<Stage, string> = {
  idle: '提交订单',
  creating: '正在提交订单…',
  prepay: '正在发起支付…',
  paying: '等待支付…',
  confirming: '正在确认支付结果…',
};

export default function CheckoutPage() {
  const [draft] = useState<CheckoutDraft | null>(() => checkoutDraft());
  const [stage, setStage] = useState<Stage>('idle');
  const [error, setError] = useState<AppError | null>(null);
  const [orderId, setOrderId] = useState<string | null>(draft?.orderId ?? null);
  const [choice, setChoice] = useState<FulfilmentChoice>(initialChoice);
  const [shareCode, setShareCode] = useState<string | null>(() => currentShareCode());
  const liveId = currentLiveId();
  useEffect(() => {
    void learnShareWindow().then(() => setShareCode(currentShareCode()));
  }, []);
  useReShare('pages/index/index', {}, null, () => ({ title: 'GuideShare 优选 · 导购精选好物' }));

  if (!draft) {
    return (
      <View className="page">
        <Empty
          title="没有待结算的商品"
          hint="挑选心仪的商品后再来结算吧"
          action={{ text: '去逛逛', onClick: () => Taro.reLaunch({ url: '/pages/index/index' }) }}
        />
      </View>
    );
  }

  const total = linesTotalFen(draft.lines);
  const busy = stage !== 'idle';

  const pay = async (id: string) => {
    try {
      const order = await payOrder(id, { onStage: (s) => setStage(s) });
      setStage('idle');
      void Taro.redirectTo({
        url: `/pages/order/index?id=${encodeURIComponent(order.id)}${PAID_STATUSES.has(order.status) ? '&paid=1' : ''}`,
      });
    } catch (e) {
      setStage('idle');
      setError(asAppError(e));
    }
  };

  const submit = async () => {
    if (busy) return;
    setError(null);
    let id = orderId;
    if (!id) {
      const fulfilment = fulfilmentRequest(choice);
      if ('problem' in fulfilment) {
        setError(new AppError('FULFILMENT_INVALID', fulfilment.problem));
        return;
      }
      setStage('creating');
      try {
        // A code older than the online window is dropped before it is sent.
        await learnShareWindow();
        const code = currentShareCode();
        setShareCode(code);
        const order = await api.createOrder(
          {
            lines: draft.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
            ...(code ? { shareCode: code } : {}),
            ...(liveId ? { liveId } : {}),
            fulfilment: fulfilment.ok,
          },
          draft.idempotencyKey,
        );
        id = order.id;
        setOrderId(id);
        updateCheckoutDraft({ orderId: id });
        if (draft.source === 'cart') removeFromCart(draft.lines.map((l) => l.skuId));
      } catch (e) {
        setStage('idle');
        setError(asAppError(e));
        return;
      }
    }
    clearCheckout();
    await pay(id);
  };

  return (
    <View className="page page--cartbar" data-testid="checkout-page">
      {error ? <ErrorBanner error={error} onClose={() => setError(null)} /> : null}

      {orderId ? null : <FulfilmentPicker value={choice} onChange={setChoice} onError={setError} />}

      <View className="card">
        <Text className="card__title">商品清单</Text>
        {draft.lines.map((l) => (
          <View key={l.skuId} className="line line--compact" data-testid="checkout-line">
            <Thumb src={l.imageUrl} name={l.productName} className="line__img line__img--sm" />
            <View className="line__body">
              <Text className="line__name">{l.productName}</Text>
              <Text className="line__sku">{l.skuName}</Text>
            </View>
            <View className="line__side">
              <Price fen={l.priceFen} size="sm" />
              <Text className="muted">×{l.quantity}</Text>
            </View>
          </View>
        ))}
      </View>

      <View className="card">
        <Kv label="商品金额">
          <Price fen={total} size="sm" />
        </Kv>
        <Kv label="运费" value={choice.type === 'pickup' ? '到店自提，免运费' : '包邮'} />
        <Kv label="支付方式" value="微信支付" />
        {shareCode ? <Kv label="推荐" value="导购专属推荐订单" testId="checkout-share" /> : null}
        {liveId ? <Kv label="来源" value="直播间下单" /> : null}
      </View>

      {orderId ? (
        <View className="card">
          <Text className="muted">订单已创建，支付未完成时可在“我的订单”中继续支付。</Text>
          <View
            className="btn btn--ghost btn--sm mt"
            data-testid="view-order"
            onClick={() => Taro.redirectTo({ url: `/pages/order/index?id=${encodeURIComponent(orderId)}` })}
          >
            查看订单
          </View>
        </View>
      ) : null}

      <CartBar label="实付：" totalFen={total} testId="checkout-total">
        <View
          className={`btn btn--primary cartbar__btn${busy ? ' btn--disabled' : ''}`}
          onClick={() => void submit()}
          data-testid="submit-order"
        >
          {orderId && stage === 'idle' ? '重新支付' : STAGE_TEXT[stage]}
        </View>
      </CartBar>
      <PrivacyPopup />
    </View>
  );
}
