import { Text } from '@tarojs/components';
import { formatPrice } from '@guideshare/contracts';

/** ¥ with a small currency sign and cents, from integer fen via formatPrice (no floats). */
export function Price({
  fen,
  size = 'md',
  suffix,
  testId,
  muted,
}: {
  fen: number;
  size?: 'sm' | 'md' | 'lg';
  suffix?: string;
  testId?: string;
  muted?: boolean;
}) {
  const text = formatPrice(fen); // "¥123.45" or "-¥1.00"
  const m = /^(-?)¥(\d+)\.(\d\d)$/.exec(text);
  const cls = `price price--${size}${muted ? ' price--muted' : ''}`;
  if (!m)
    return (
      <Text className={cls} data-testid={testId}>
        {text}
      </Text>
    );
  return (
    <Text className={cls} data-testid={testId} data-fen={fen}>
      <Text className="price__sign">{m[1]}¥</Text>
      <Text className="price__int">{m[2]}</Text>
      <Text className="price__dec">.{m[3]}</Text>
      {suffix ? <Text className="price__suffix">{suffix}</Text> : null}
    </Text>
  );
}
