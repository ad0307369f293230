import { View, Text } from '@tarojs/components';
import { useEffect } from 'react';
import type { DeliveryAddress, FulfilmentRequest, Store } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { addressProblem, chooseWechatAddress, EMPTY_ADDRESS, formatAddress, pickAddress } from '../../lib/address';
import { isH5 } from '../../lib/env';
import type { AppError } from '../../lib/errors';
import { asAppError, useAsync } from '../../hooks/useAsync';
import { AddressForm } from '../../components/AddressForm';
import { Icon } from '../../components/Icon';

/** The checkout's fulfilment choice while it is being made. */
export interface FulfilmentChoice {
  type: 'delivery' | 'pickup';
  address: DeliveryAddress | null;
  /** typing the address by hand (H5, or WeChat's picker refused) */
  manual: boolean;
  storeId: string | null;
}

export function initialChoice(): FulfilmentChoice {
  return { type: 'delivery', address: null, manual: isH5(), storeId: null };
}

/** The request body's `fulfilment`, or the Chinese reason it cannot be sent yet. */
export function fulfilmentRequest(c: FulfilmentChoice): { ok: FulfilmentRequest } | { problem: string } {
  if (c.type === 'pickup')
    return c.storeId ? { ok: { type: 'pickup', storeId: c.storeId } } : { problem: '请选择自提门店' };
  const problem = addressProblem(c.address);
  if (problem) return { problem };
  const a = pickAddress(c.address!);
  return { ok: { type: 'delivery', address: { ...a, phone: a.phone.trim(), detail: a.detail.trim() } } };
}

interface Options {
  stores: Store[];
  serviceStoreId: string | null;
  remembered: DeliveryAddress | null;
}

/** Stores, the member's service store and the remembered address; each part may fail on its own. */
async function loadOptions(): Promise<Options> {
  const [stores, me, remembered] = await Promise.all([
    api.stores(),
    api.me().catch(() => null),
    api.lastAddress().catch(() => null),
  ]);
  return {
    stores,
    serviceStoreId: me?.serviceStoreId ?? null,
    remembered: remembered ? pickAddress(remembered) : null,
  };
}

export function FulfilmentPicker({
  value,
  onChange,
  onError,
}: {
  value: FulfilmentChoice;
  onChange: (next: FulfilmentChoice) => void;
  onError: (e: AppError) => void;
}) {
  const options = useAsync(loadOptions, []);
  const data = options.status === 'ready' ? options.data : undefined;

  // Defaults once the options arrive: the remembered address, the member's service store.
  useEffect(() => {
    if (!data) return;
    const storeId =
      value.storeId ??
      (data.serviceStoreId && data.stores.some((s) => s.id === data.serviceStoreId)
        ? data.serviceStoreId
        : (data.stores[0]?.id ?? null));
    onChange({ ...value, address: value.address ?? data.remembered, storeId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  const pickWechat = async () => {
    try {
      const chosen = await chooseWechatAddress();
      if (chosen) onChange({ ...value, address: chosen, manual: false });
    } catch (e) {
      onError(asAppError(e));
      onChange({ ...value, manual: true, address: value.address ?? { ...EMPTY_ADDRESS } });
    }
  };

  const tab = (type: FulfilmentChoice['type'], text: string) => (
    <View
      className={`seg__item${value.type === type ? ' seg__item--on' : ''}`}
      onClick={() => onChange({ ...value, type })}
      data-testid={`fulfilment-${type}`}
    >
      {text}
    </View>
  );

  return (
    <View className="card" data-testid="fulfilment" data-type={value.type}>
      <Text className="card__title">配送方式</Text>
      <View className="seg">
        {tab('delivery', '快递配送')}
        {tab('pickup', '到店自提')}
      </View>

      {value.type === 'delivery' ? (
        <View className="mt" data-testid="delivery">
          {value.manual ? (
            <AddressForm
              value={value.address ?? EMPTY_ADDRESS}
              onChange={(address) => onChange({ ...value, address })}
            />
          ) : value.address ? (
            <View className="address" onClick={() => void pickWechat()} data-testid="address-card">
              <View className="address__body">
                <Text className="address__who">
                  {value.address.name} {value.address.phone}
                </Text>
                <Text className="address__text">{formatAddress(value.address)}</Text>
              </View>
              <Icon name="chevron" color="#c0c4cc" className="icon--xs" />
            </View>
          ) : (
            <View className="btn btn--ghost btn--block" onClick={() => void pickWechat()} data-testid="choose-address">
              + 选择微信收货地址
            </View>
          )}
          {!isH5() && !value.manual ? (
            <Text
              className="link link--block"
              onClick={() => onChange({ ...value, manual: true, address: value.address ?? { ...EMPTY_ADDRESS } })}
              data-testid="address-manual"
            >
              手动填写地址
            </Text>
          ) : null}
          {value.address && data?.remembered && value.address === data.remembered ? (
            <Text className="muted form-hint" data-testid="address-remembered">
              已为您填入上次使用的地址
            </Text>
          ) : null}
        </View>
      ) : (
        <View className="mt" data-testid="pickup">
          {options.status === 'loading' && !data ? <Text className="muted">正在加载门店…</Text> : null}
          {options.status === 'error' ? (
            <View className="inline-error" data-testid="stores-error">
              <Text className="inline-error__text">{options.error.message}</Text>
              {options.error.retryable ? (
                <Text className="link" onClick={() => void options.reload()}>
                  重试
                </Text>
              ) : null}
            </View>
          ) : null}
          {data && data.stores.length === 0 ? (
            <Text className="muted" data-testid="stores-empty">
              暂无可自提的门店，请选择快递配送
            </Text>
          ) : null}
          {data?.stores.map((s) => {
            const on = value.storeId === s.id;
            return (
              <View
                key={s.id}
                className={`store${on ? ' store--on' : ''}`}
                onClick={() => onChange({ ...value, storeId: s.id })}
                data-testid="pickup-store"
                data-store-id={s.id}
                data-selected={on ? 'true' : 'false'}
              >
                <View className="store__body">
                  <Text className="store__name">{s.name}</Text>
                  <Text className="store__city">{s.city}</Text>
                </View>
                {s.id === data.serviceStoreId ? <Text className="tag tag--primary">我的门店</Text> : null}
                <View className={`radio${on ? ' radio--on' : ''}`} />
              </View>
            );
          })}
          <Text className="muted form-hint">支付成功后凭提货码到店领取，门店核验后即完成</Text>
        </View>
      )}
    </View>
  );
}
