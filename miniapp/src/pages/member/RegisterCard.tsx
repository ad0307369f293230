import { Button, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RegisteredMember } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { isH5 } from '../../lib/env';
import { agreePrivacy, PRIVACY_AGREE_BUTTON_ID, requirePrivacy } from '../../lib/privacy';
import { AppError } from '../../lib/errors';
import { asAppError } from '../../hooks/useAsync';
import { ErrorBanner } from '../../components/State';
import { BusyButton, TextField } from '../../components/FormControls';

/** Chinese messages for the registration errors a consumer can act on (the API's messages are English). */
const MESSAGES: Record<string, string> = {
  PHONE_CODE_INVALID: '手机号验证未通过或授权已过期，请重新获取手机号后再试',
  WECHAT_UNAVAILABLE: '微信暂时无法返回手机号，请稍后重试',
  VALIDATION_FAILED: '手机号授权信息有误，请重新获取',
};

export function registrationError(e: unknown): AppError {
  const err = asAppError(e);
  const message = MESSAGES[err.code];
  return message ? new AppError(err.code, message, err.status, err.details) : err;
}

export const PHONE_RE = /^1\d{10}$/;

/**
 * The H5 demo's stand-in for the `getPhoneNumber` code: the local WeChat simulator exchanges
 * `phone:<11 digits>.<nonce>` for that number (each code once, like WeChat's).
 */
export function h5PhoneCode(phone: string, now = Date.now()): string {
  return `phone:${phone}.${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** "138****5678" */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

interface PhoneNumberDetail {
  errMsg?: string;
  code?: string;
}

/**
 * 开卡: in the mini-program the `getPhoneNumber` button gives a one-time code; in the H5 demo there
 * is no WeChat, so the consumer types a number and the simulator's code format stands in for it.
 */
export function RegisterCard({ onRegistered }: { onRegistered: (member: RegisteredMember, created: boolean) => void }) {
  const h5 = isH5();
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const register = async (phoneCode: string) => {
    setBusy(true);
    setError(null);
    try {
      const { member, created } = await api.registerMember(phoneCode);
      void Taro.showToast({ title: created ? '开卡成功' : '您已是会员', icon: 'success' });
      onRegistered(member, created);
    } catch (e) {
      setError(registrationError(e));
    } finally {
      setBusy(false);
    }
  };

  const onPhoneNumber = (e: { detail?: PhoneNumberDetail }) => {
    if (busy) return;
    const detail = e?.detail ?? {};
    if (detail.code) {
      void register(detail.code);
      return;
    }
    const denied = /deny|cancel|auth/i.test(detail.errMsg ?? '');
    setError(
      denied
        ? new AppError('PHONE_DENIED', '开卡需要授权手机号，您可以随时再点“一键开卡”')
        : new AppError('PHONE_CODE_INVALID', '没有拿到手机号授权，请稍后重试'),
    );
  };

  const submitH5 = async () => {
    if (busy) return;
    const value = phone.replace(/\s+/g, '');
    if (!PHONE_RE.test(value)) {
      setError(new AppError('VALIDATION_FAILED', '请输入 11 位手机号'));
      return;
    }
    // The phone number is personal data: ask for agreement first, as WeChat does in the mini-program.
    if (!(await requirePrivacy())) {
      setError(new AppError('PRIVACY_DENIED', '同意《用户隐私保护指引》后才能开卡'));
      return;
    }
    void register(h5PhoneCode(value));
  };

  return (
    <View className="card register" data-testid="register-card">
      <View className="register__head">
        <View className="register__badge">VIP</View>
        <View className="register__intro">
          <Text className="register__title">开通会员卡</Text>
          <Text className="register__sub">线上线下积分权益通用 · 专属导购一对一服务</Text>
        </View>
      </View>
      {error ? <ErrorBanner error={error} onClose={() => setError(null)} /> : null}
      {h5 ? (
        <View data-testid="register-h5">
          <TextField
            type="number"
            maxlength={11}
            value={phone}
            placeholder="请输入 11 位手机号"
            onChange={setPhone}
            onConfirm={() => void submitH5()}
            testId="register-phone"
          />
          <BusyButton
            busy={busy}
            onClick={() => void submitH5()}
            text="立即开卡"
            busyText="开卡中…"
            testId="register-submit"
          />
          <Text className="muted form-hint">演示环境：浏览器里没有微信，手机号由本地模拟器验证。</Text>
        </View>
      ) : (
        <Button
          className={`btn btn--primary btn--block register__btn${busy ? ' btn--disabled' : ''}`}
          id={PRIVACY_AGREE_BUTTON_ID}
          openType="getPhoneNumber|agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => agreePrivacy(PRIVACY_AGREE_BUTTON_ID)}
          onGetPhoneNumber={onPhoneNumber}
          disabled={busy}
          data-testid="register-wechat"
        >
          {busy ? '开卡中…' : '微信手机号一键开卡'}
        </Button>
      )}
    </View>
  );
}
