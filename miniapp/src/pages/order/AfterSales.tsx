import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatPrice, parseYuanToFen, type CreateAfterSaleRequest, type Order } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { newIdempotencyKey } from '../../lib/checkout';
import { AppError } from '../../lib/errors';
import {
  AFTER_SALE_LABELS,
  AFTER_SALE_REASONS,
  AFTER_SALE_TONES,
  canRequestAfterSale,
  hasOpenAfterSale,
  refundableQuantity,
} from '../../lib/fulfilment';
import { formatDateTime } from '../../lib/labels';
import type { SkuInfo } from '../../hooks/useCatalog';
import { asAppError, useAsync } from '../../hooks/useAsync';
import { ErrorBanner } from '../../components/State';
import { Stepper } from '../../components/Stepper';
import { BusyButton, TextField } from '../../components/FormControls';

type Mode = 'lines' | 'amount';

/** The request body of the form, or the Chinese reason it cannot be sent. */
export function afterSaleBody(
  mode: Mode,
  quantities: Record<string, number>,
  amountText: string,
  reason: string,
  maxFen: number,
): { ok: CreateAfterSaleRequest } | { problem: string } {
  if (!reason.trim()) return { problem: '请选择退款原因' };
  if (mode === 'lines') {
    const lines = Object.entries(quantities)
      .filter(([, q]) => q > 0)
      .map(([lineId, quantity]) => ({ lineId, quantity }));
    if (!lines.length) return { problem: '请选择要退的商品和数量' };
    return { ok: { lines, reason: reason.trim() } };
  }
  let fen: number;
  try {
    fen = parseYuanToFen(amountText);
  } catch {
    return { problem: '请输入正确的退款金额，如 19.90' };
  }
  if (fen <= 0 || fen > maxFen) return { problem: `退款金额需大于 0 且不超过 ${formatPrice(maxFen)}` };
  return { ok: { amountFen: fen, reason: reason.trim() } };
}

/** 售后: the order's requests and their outcome, and the form to ask for a refund. */
export function AfterSales({
  order,
  skus,
  onChanged,
}: {
  order: Order;
  skus: Map<string, SkuInfo>;
  onChanged: () => void;
}) {
  const list = useAsync(() => api.afterSales(order.id), [order.id, order.status]);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('lines');
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const maxFen = Math.max(0, order.paidFen - order.refundedFen);
  const requests = list.data ?? [];
  const canAsk = canRequestAfterSale(order) && maxFen > 0 && list.status === 'ready' && !hasOpenAfterSale(requests);

  const submit = async () => {
    if (busy) return;
    const fullReason = [reason, note.trim()].filter(Boolean).join('：');
    const body = afterSaleBody(mode, quantities, amount, fullReason, maxFen);
    if ('problem' in body) {
      setError(new AppError('REFUND_SPEC_INVALID', body.problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.requestAfterSale(order.id, body.ok, key);
      setOpen(false);
      setKey(newIdempotencyKey());
      void Taro.showToast({ title: '售后申请已提交', icon: 'success' });
      await list.reload();
      onChanged();
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  if (!canRequestAfterSale(order) && requests.length === 0) return null;
  return (
    <View className="card" data-testid="after-sales">
      <View className="row row--between">
        <Text className="card__title">售后</Text>
        {canAsk && !open ? (
          <View className="btn btn--ghost btn--sm" onClick={() => setOpen(true)} data-testid="after-sale-open">
            申请退款
          </View>
        ) : null}
      </View>
      {list.status === 'loading' && !list.data ? <Text className="muted">正在加载售后记录…</Text> : null}
      {list.status === 'error' ? (
        <View className="inline-error" data-testid="after-sales-error">
          <Text className="inline-error__text">{list.error.message}</Text>
          {list.error.retryable ? (
            <Text className="link" onClick={() => void list.reload()}>
              重试
            </Text>
          ) : null}
        </View>
      ) : null}
      {list.status === 'ready' && requests.length === 0 && !open ? (
        <Text className="muted" data-testid="after-sales-empty">
          如需退款，可在这里提交申请，审核通过后款项原路退回
        </Text>
      ) : null}
      {requests.map((a) => (
        <View key={a.id} className="aftersale" data-testid="after-sale" data-status={a.status}>
          <View className="row row--between">
            <Text className={`status status--${AFTER_SALE_TONES[a.status]}`} data-testid="after-sale-status">
              {AFTER_SALE_LABELS[a.status]}
            </Text>
            <Text className="aftersale__amount">{formatPrice(a.requestedFen)}</Text>
          </View>
          <Text className="aftersale__text">原因：{a.reason}</Text>
          {a.status === 'REJECTED' && a.rejectReason ? (
            <Text className="aftersale__text" data-testid="after-sale-reject-reason">
              商家说明：{a.rejectReason}
            </Text>
          ) : null}
          {a.status === 'REFUNDED' ? <Text className="aftersale__text">款项已原路退回，请留意微信支付通知</Text> : null}
          <Text className="muted">申请时间 {formatDateTime(a.createdAt)}</Text>
        </View>
      ))}

      {open ? (
        <View className="aftersale-form" data-testid="after-sale-form">
          {error ? <ErrorBanner error={error} onClose={() => setError(null)} /> : null}
          <View className="seg">
            {(['lines', 'amount'] as const).map((m) => (
              <View
                key={m}
                className={`seg__item${mode === m ? ' seg__item--on' : ''}`}
                onClick={() => setMode(m)}
                data-testid={`after-sale-mode-${m}`}
              >
                {m === 'lines' ? '按商品退' : '按金额退'}
              </View>
            ))}
          </View>
          {mode === 'lines' ? (
            order.lines
              .filter((l) => refundableQuantity(l) > 0)
              .map((l) => {
                const name = (l.skuId && skus.get(l.skuId)?.product.name) || '商品';
                return (
                  <View key={l.id} className="row row--between aftersale-form__line" data-testid="after-sale-line">
                    <Text className="line__name">{name}</Text>
                    <Stepper
                      value={quantities[l.id] ?? 0}
                      min={0}
                      max={refundableQuantity(l)}
                      onChange={(q) => setQuantities((s) => ({ ...s, [l.id]: q }))}
                      testId={`after-sale-qty-${l.id}`}
                    />
                  </View>
                );
              })
          ) : (
            <View className="form__row">
              <Text className="form__label">退款金额</Text>
              <TextField
                className="form__input"
                type="digit"
                value={amount}
                placeholder={`最多 ${formatPrice(maxFen)}`}
                onChange={setAmount}
                testId="after-sale-amount"
              />
            </View>
          )}
          <Text className="form__label mt">退款原因</Text>
          <View className="chips">
            {AFTER_SALE_REASONS.map((r) => (
              <View
                key={r}
                className={`chip${reason === r ? ' chip--on' : ''}`}
                onClick={() => setReason(r)}
                data-testid="after-sale-reason"
              >
                {r}
              </View>
            ))}
          </View>
          <TextField
            value={note}
            maxlength={100}
            placeholder="补充说明（选填）"
            onChange={setNote}
            testId="after-sale-note"
          />
          <View className="row mt">
            <View className="btn btn--ghost" onClick={() => setOpen(false)} data-testid="after-sale-cancel">
              取消
            </View>
            <BusyButton
              busy={busy}
              className="btn--primary ml flex1"
              onClick={() => void submit()}
              text="提交申请"
              busyText="提交中…"
              testId="after-sale-submit"
            />
          </View>
        </View>
      ) : null}
    </View>
  );
}
