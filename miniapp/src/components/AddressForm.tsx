import { Input, View, Text } from '@tarojs/components';
import type { DeliveryAddress } from '@guideshare/contracts';

const FIELDS: Array<{ key: keyof DeliveryAddress; label: string; placeholder: string; type?: 'number' }> = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number' },
  { key: 'province', label: '省份', placeholder: '如：上海市' },
  { key: 'city', label: '城市', placeholder: '如：上海市' },
  { key: 'district', label: '区县', placeholder: '如：静安区（没有可不填）' },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号' },
];

/** The delivery address typed by hand: the H5 build, or weapp when WeChat's picker is refused. */
export function AddressForm({
  value,
  onChange,
}: {
  value: DeliveryAddress;
  onChange: (next: DeliveryAddress) => void;
}) {
  return (
    <View className="form" data-testid="address-form">
      {FIELDS.map((f) => (
        <View key={f.key} className="form__row">
          <Text className="form__label">{f.label}</Text>
          <Input
            className="form__input"
            type={f.type === 'number' ? 'number' : 'text'}
            maxlength={f.key === 'detail' ? 200 : f.key === 'phone' ? 11 : 50}
            value={value[f.key]}
            placeholder={f.placeholder}
            onInput={(e) => onChange({ ...value, [f.key]: e.detail.value })}
            data-testid={`address-${f.key}`}
          />
        </View>
      ))}
    </View>
  );
}
