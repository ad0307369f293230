import { View, Text } from '@tarojs/components';

export function Stepper({
  value,
  min = 1,
  max = 99,
  onChange,
  testId,
}: {
  value: number;
  min?: number;
  max?: number;
  onChange: (v: number) => void;
  testId?: string;
}) {
  const dec = value > min;
  const inc = value < max;
  return (
    <View className="stepper" data-testid={testId}>
      <View
        className={`stepper__btn${dec ? '' : ' stepper__btn--off'}`}
        onClick={() => dec && onChange(value - 1)}
        data-testid={testId ? `${testId}-dec` : undefined}
      >
        −
      </View>
      <Text className="stepper__value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </Text>
      <View
        className={`stepper__btn${inc ? '' : ' stepper__btn--off'}`}
        onClick={() => inc && onChange(value + 1)}
        data-testid={testId ? `${testId}-inc` : undefined}
      >
        +
      </View>
    </View>
  );
}
