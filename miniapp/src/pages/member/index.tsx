import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MemberCode, RegisteredMember } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { currentMember } from '../../lib/auth';
import type { IconName } from '../../lib/icons';
import { formatDateTime, shortId } from '../../lib/labels';
import { useAsync } from '../../hooks/useAsync';
import { useReShare } from '../../hooks/useEntry';
import { Barcode } from '../../components/Barcode';
import { Icon } from '../../components/Icon';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { QrImage } from '../../components/QrImage';
import { ErrorState, Loading } from '../../components/State';
import { TabBar } from '../../components/TabBar';
import { maskPhone, RegisterCard } from './RegisterCard';
import { ServiceCard } from './ServiceCard';

/** Refresh this long before the code expires, but never sooner than MIN_REFRESH_MS from now. */
export const REFRESH_LEAD_MS = 15_000;
export const MIN_REFRESH_MS = 5_000;
export const FALLBACK_REFRESH_MS = 60_000;

export function refreshDelay(code: MemberCode, now = Date.now()): number {
  const expires = Date.parse(code.expiresAt);
  if (!Number.isFinite(expires)) return FALLBACK_REFRESH_MS;
  return Math.max(MIN_REFRESH_MS, expires - now - REFRESH_LEAD_MS);
}

/** "9123 4567 8901 2345 67" — easier to read out or type at the counter. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** "4分05秒" / "45秒" */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  return m > 0 ? `${m}分${r < 10 ? `0${r}` : r}秒` : `${r}秒`;
}

/** A member code with the moment the page will fetch the next one. */
interface ShownCode extends MemberCode {
  refreshAt: number;
}

async function loadCode(): Promise<ShownCode> {
  const code = await api.memberCode();
  const now = Date.now();
  return { ...code, refreshAt: now + refreshDelay(code, now) };
}

const MENU: Array<{ text: string; icon: IconName; url: string; testId: string }> = [
  { text: '我的订单', icon: 'order', url: '/pages/orders/index', testId: 'menu-orders' },
  { text: '直播', icon: 'live', url: '/pages/lives/index', testId: 'menu-lives' },
  { text: '我的数据与账号', icon: 'user', url: '/pages/account/data/index', testId: 'menu-my-data' },
  { text: '用户隐私保护指引', icon: 'shield', url: '/pages/account/privacy/index', testId: 'menu-privacy' },
  { text: '导购工作台', icon: 'guide', url: '/pages/guide/index', testId: 'menu-guide' },
];

export default function MemberPage() {
  const code = useAsync(loadCode, []);
  const profile = useAsync(() => api.me(), []);
  const [registered, setRegistered] = useState<RegisteredMember | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const member = currentMember();
  useReShare('pages/index/index', {}, null, () => ({ title: 'GuideShare 优选 · 导购精选好物' }));

  // Fetch the next member code shortly before this one expires.
  const current = code.status === 'ready' ? code.data : undefined;
  useEffect(() => {
    if (!current) return undefined;
    const t = setTimeout(() => void code.reload(), Math.max(0, current.refreshAt - Date.now()));
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  // Back from the background (timers may have been paused): refresh a code that is due.
  useDidShow(() => {
    if (current && Date.now() >= current.refreshAt) void code.reload();
  });

  // Countdown tick.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const shown = code.data;
  const expired = shown ? Date.parse(shown.expiresAt) <= now : false;
  // A failed refresh keeps showing the last code while it is still valid.
  const showCode = !!shown && (code.status !== 'error' || !expired);
  const untilRefresh = shown ? Math.ceil((shown.refreshAt - now) / 1000) : 0;
  const registeredAt = profile.data?.registeredAt ?? registered?.registeredAt ?? null;

  const onRegistered = (m: RegisteredMember) => {
    setRegistered(m);
    // Registration may have bound a guide: show the new binding.
    void profile.reload();
  };

  return (
    <View className="page page--tabbed">
      <View className="profile">
        <View className="profile__avatar">
          <Icon name="user" color="#ffffff" />
        </View>
        <View className="profile__body">
          <Text className="profile__name">{member ? `会员 ${shortId(member.id, 6)}` : '微信会员'}</Text>
          {registeredAt ? (
            <Text className="profile__sub" data-testid="member-registered">
              已开卡{registered?.phone ? ` · ${maskPhone(registered.phone)}` : ''} ·{' '}
              {formatDateTime(registeredAt).slice(0, 10)} 开卡
            </Text>
          ) : (
            <Text className="profile__sub">
              {profile.data ? '未开卡 · 开卡享线上线下会员权益' : '线上线下权益通用'}
            </Text>
          )}
        </View>
        {registeredAt ? <Text className="profile__badge">会员</Text> : null}
      </View>

      {profile.data && !registeredAt ? <RegisterCard onRegistered={onRegistered} /> : null}

      <View className="card member-code" data-testid="member-code-card">
        <View className="row row--between">
          <Text className="card__title">会员码</Text>
          <Text className="link" onClick={() => void code.reload()} data-testid="member-code-refresh">
            刷新
          </Text>
        </View>
        {code.status === 'loading' && !shown ? <Loading text="正在生成会员码…" /> : null}
        {code.status === 'error' && !showCode ? <ErrorState error={code.error} onRetry={code.reload} /> : null}
        {shown && showCode ? (
          <View className={`member-code__body${expired ? ' member-code__body--stale' : ''}`}>
            <Barcode digits={shown.code} testId="member-barcode" />
            <Text className="member-code__text" data-testid="member-code" data-code={shown.code}>
              {groupCode(shown.code)}
            </Text>
            <QrImage text={shown.code} size="md" testId="member-qr" />
            <Text
              className={`muted member-code__expiry${code.status === 'error' ? ' member-code__expiry--warn' : ''}`}
              data-testid="member-code-expiry"
            >
              {code.status === 'loading'
                ? '正在刷新…'
                : code.status === 'error'
                  ? '刷新失败，请点“刷新”重试'
                  : expired
                    ? '会员码已过期，正在刷新…'
                    : untilRefresh > 0
                      ? `${formatCountdown(untilRefresh)}后自动刷新`
                      : '即将刷新'}
            </Text>
            <Text className="muted member-code__hint">到店结账时向店员出示，消费计入会员权益 · 请勿截图转发</Text>
          </View>
        ) : null}
      </View>

      <ServiceCard
        profile={profile.data}
        loading={profile.status === 'loading'}
        error={profile.status === 'error' ? profile.error : undefined}
        onRetry={() => void profile.reload()}
      />

      <View className="card menu">
        {MENU.map((m) => (
          <View
            key={m.url}
            className="menu__item"
            onClick={() => Taro.navigateTo({ url: m.url })}
            data-testid={m.testId}
          >
            <Icon name={m.icon} className="icon--sm" />
            <Text className="menu__text">{m.text}</Text>
            <Icon name="chevron" color="#c0c4cc" className="icon--xs" />
          </View>
        ))}
      </View>

      <PrivacyPopup />
      <TabBar current="member" />
    </View>
  );
}
