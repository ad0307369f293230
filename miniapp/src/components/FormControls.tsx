import { Input, View } from '@tarojs/components';

type InputType = 'text' | 'number' | 'digit' | 'idcard';

/** A text field of the storefront's forms; reports what the user typed. */
export function TextField({
  value,
  onChange,
  placeholder,
  maxlength,
  type,
  className = 'input',
  onConfirm,
  testId,
}: {
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  maxlength?: number;
  type?: InputType;
  className?: string;
  onConfirm?(): void;
  testId?: string;
}) {
  return (
    <Input
      className={className}
      type={type}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm}
      data-testid={testId}
    />
  );
}

/** A form's action button: looks disabled and says `busyText` while the action runs. */
export function BusyButton({
  busy,
  onClick,
  text,
  busyText,
  className = 'btn--primary btn--block mt',
  testId,
}: {
  busy: boolean;
  onClick(): void;
  text: string;
  busyText: string;
  className?: string;
  testId?: string;
}) {
  return (
    <View className={`btn ${className}${busy ? ' btn--disabled' : ''}`} onClick={onClick} data-testid={testId}>
      {busy ? busyText : text}
    </View>
  );
}
