// Hand-written stand-ins for @tarojs/components: plain DOM elements that keep className, style,
// data-* attributes and click handlers, and translate Taro's event shapes (onInput → e.detail.value).
import { createElement, type CSSProperties, type ReactNode } from 'react';
import { __mock } from './taro';

type Props = Record<string, unknown> & { children?: ReactNode; className?: string; style?: CSSProperties };

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'children' || v === undefined) continue;
    if (k === 'className' || k === 'style' || k === 'onClick' || k.startsWith('data-') || k.startsWith('aria-'))
      out[k] = v;
  }
  return out;
}

const make = (tag: string, name: string) => {
  const C = (props: Props) => createElement(tag, domProps(props), props.children);
  C.displayName = name;
  return C;
};

export const View = make('div', 'View');
export const Text = make('span', 'Text');
export const ScrollView = make('div', 'ScrollView');
export const Swiper = make('div', 'Swiper');
export const SwiperItem = make('div', 'SwiperItem');
export const Block = ({ children }: Props) => createElement('span', null, children);

export function Image(props: Props) {
  const p = domProps(props);
  return createElement('img', {
    ...p,
    src: props.src as string,
    alt: '',
    onError: props.onError as never,
  });
}

export function Button(props: Props) {
  const p = domProps(props);
  // An open-type="getPhoneNumber" tap: WeChat asks the user, then calls onGetPhoneNumber with
  // e.detail = {errMsg, code?} — here whatever __mock.setPhoneNumberResult set.
  const onGetPhoneNumber = props.onGetPhoneNumber as ((e: { detail: unknown }) => void) | undefined;
  // open-type="agreePrivacyAuthorization": the tap is the user's agreement (bindagreeprivacyauthorization).
  const onAgree = props.onAgreePrivacyAuthorization as ((e: { detail: unknown }) => void) | undefined;
  const openType = String(props.openType ?? '');
  const onClick =
    openType.startsWith('getPhoneNumber') && onGetPhoneNumber
      ? () => {
          if (openType.includes('agreePrivacyAuthorization')) onAgree?.({ detail: {} });
          onGetPhoneNumber({ detail: { ...__mock.state.phoneNumber } });
        }
      : openType === 'agreePrivacyAuthorization' && onAgree
        ? () => onAgree({ detail: {} })
        : p.onClick;
  return createElement(
    'button',
    {
      ...p,
      onClick,
      type: 'button',
      'data-open-type': props.openType as string | undefined,
      disabled: props.disabled as boolean | undefined,
    },
    props.children,
  );
}

export function Input(props: Props) {
  const p = domProps(props);
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
  const onConfirm = props.onConfirm as ((e: { detail: { value: string } }) => void) | undefined;
  return createElement('input', {
    ...p,
    value: (props.value as string | undefined) ?? '',
    placeholder: props.placeholder as string | undefined,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: { key: string; currentTarget: { value: string } }) => {
      if (e.key === 'Enter') onConfirm?.({ detail: { value: e.currentTarget.value } });
    },
  });
}
