import { View, Text } from '@tarojs/components';
import type { Fulfilment, Store } from '@guideshare/contracts';
import { formatAddress } from '../../lib/address';
import { formatDateTime } from '../../lib/labels';
import { fulfilmentSteps } from '../../lib/fulfilment';
import { QrImage } from '../../components/QrImage';
import { BusyButton } from '../../components/FormControls';
import { Kv } from '../../components/Kv';

/** "1234 5678": a pickup code easier to read out at the counter. */
export function groupPickupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Where a paid online order is: the timeline, and what the buyer needs at each step. */
export function FulfilmentCard({
  fulfilment: f,
  store,
  paid,
  busy,
  onConfirmReceipt,
}: {
  fulfilment: Fulfilment;
  store?: Store;
  paid: boolean;
  busy: boolean;
  onConfirmReceipt: () => void;
}) {
  const steps = fulfilmentSteps(f);
  const storeName = store ? `${store.name}${store.city ? ` · ${store.city}` : ''}` : '所选门店';
  return (
    <View className="card" data-testid="fulfilment-card" data-type={f.type} data-status={f.status}>
      <Text className="card__title">{f.type === 'pickup' ? '到店自提' : '快递配送'}</Text>
      {paid ? (
        <View className="timeline" data-testid="fulfilment-timeline">
          {steps.map((s) => (
            <View
              key={s.key}
              className={`timeline__step timeline__step--${s.state}`}
              data-testid="fulfilment-step"
              data-state={s.state}
            >
              <View className="timeline__dot" />
              <Text className="timeline__label">{s.label}</Text>
              {s.at ? <Text className="timeline__at">{formatDateTime(s.at)}</Text> : null}
            </View>
          ))}
        </View>
      ) : (
        <Text className="muted">支付后开始{f.type === 'pickup' ? '备货，备好即可到店自提' : '发货'}</Text>
      )}

      {f.type === 'delivery' && f.status === 'SHIPPED' ? (
        <View className="ship" data-testid="shipment">
          <Kv label="物流公司" value={f.carrier} testId="carrier" />
          <Kv label="运单号" value={f.trackingNo} mono selectable testId="tracking-no" />
          <BusyButton
            busy={busy}
            onClick={onConfirmReceipt}
            text="确认收货"
            busyText="正在确认…"
            testId="confirm-receipt"
          />
        </View>
      ) : null}

      {f.type === 'pickup' && f.pickupCode && f.status === 'READY_FOR_PICKUP' ? (
        <View className="pickup" data-testid="pickup-code-card">
          <Text className="muted">到店后向店员出示提货码</Text>
          <Text className="pickup__code" data-testid="pickup-code" data-code={f.pickupCode}>
            {groupPickupCode(f.pickupCode)}
          </Text>
          <QrImage text={f.pickupCode} size="md" testId="pickup-qr" />
        </View>
      ) : null}

      {f.type === 'pickup' ? <Kv label="自提门店" value={storeName} testId="pickup-store-name" /> : null}
      {f.type === 'delivery' && f.address ? (
        <View className="kv kv--top">
          <Text className="kv__k">收货信息</Text>
          <Text className="kv__v kv__v--wrap" data-testid="delivery-address">
            {f.address.name} {f.address.phone}
            {'\n'}
            {formatAddress(f.address)}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
