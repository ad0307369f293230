import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * A label–value row of a detail card (`.kv`). A `value` is shown as text (`mono` for codes and
 * numbers to copy); `children` (a price, a row of buttons) are shown as they are.
 */
export function Kv({
  label,
  value,
  mono,
  selectable,
  testId,
  children,
}: {
  label: string;
  value?: ReactNode;
  mono?: boolean;
  selectable?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <View className="kv">
      <Text className="kv__k">{label}</Text>
      {children ?? (
        <Text className={`kv__v${mono ? ' kv__v--mono' : ''}`} selectable={selectable} data-testid={testId}>
          {value}
        </Text>
      )}
    </View>
  );
}
