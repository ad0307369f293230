import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MemberDataExport } from '@guideshare/contracts';
import { api } from '../../../lib/api';
import type { AppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/labels';
import { KEYS, remove } from '../../../lib/storage';
import { asAppError, useAsync } from '../../../hooks/useAsync';
import { Empty, ErrorBanner, ErrorState, Loading } from '../../../components/State';

/** Chinese names of what GET /api/members/me/data returns; a field without a name is not shown. */
const LABELS: Record<string, string> = {
  member: '会员信息',
  account: '账号信息',
  profile: '会员信息',
  id: '会员编号',
  openid: '微信标识（OpenID）',
  unionid: '微信 UnionID',
  phone: '手机号',
  registeredAt: '开卡时间',
  createdAt: '首次使用时间',
  boundAt: '绑定导购时间',
  serviceGuide: '专属导购',
  serviceStore: '服务门店',
  openingGuide: '开卡导购',
  name: '名称',
  city: '城市',
  addresses: '收货地址',
  address: '收货地址',
  orders: '订单',
  afterSales: '售后申请',
  visits: '导购分享访问记录',
  bindings: '导购绑定记录',
  bindingHistory: '导购绑定记录',
  groups: '群聊记录',
  memberCodes: '会员码',
  consents: '授权记录',
};

type Value = unknown;

function isPlain(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as text: dates as local time, the rest as is; null for what is not shown. */
export function valueText(key: string, v: Value): string | null {
  if (v === null || v === undefined || v === '') return '无';
  if (typeof v === 'string') return /At$/.test(key) ? formatDateTime(v) || v : v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (isPlain(v) && typeof v.name === 'string') return v.name;
  return null;
}

/** The data as labelled rows: scalars and named objects as rows, lists as a count. */
export function dataRows(data: MemberDataExport): Array<{ key: string; label: string; text: string }> {
  const rows: Array<{ key: string; label: string; text: string }> = [];
  const visit = (obj: object, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      const label = LABELS[k];
      if (!label) continue;
      if (Array.isArray(v)) rows.push({ key: prefix + k, label, text: v.length ? `${v.length} 条` : '无' });
      else if (isPlain(v) && typeof v.name !== 'string') visit(v, `${prefix}${k}.`);
      else {
        const text = valueText(k, v);
        if (text !== null) rows.push({ key: prefix + k, label, text });
      }
    }
  };
  visit(data, '');
  return rows;
}

/** Everything the app keeps on this device about the member. */
function forgetDevice() {
  for (const key of [KEYS.consumerToken, KEYS.member, KEYS.cart, KEYS.checkout, KEYS.shareCode, KEYS.live, KEYS.device])
    remove(key);
}

export default function MyDataPage() {
  const data = useAsync(() => api.myData(), []);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const deleteAccount = async () => {
    if (deleting) return;
    const ok = await Taro.showModal({
      title: '注销账号',
      content:
        '注销后，您的手机号、收货地址和微信标识将被删除，会员卡和专属导购一并解除，且无法恢复。订单金额等财务记录依法匿名保留。确定注销吗？',
      confirmText: '确认注销',
      confirmColor: '#e93b3d',
      cancelText: '再想想',
    });
    if (!ok?.confirm) return;
    setDeleting(true);
    setError(null);
    try {
      await api.deleteAccount();
      forgetDevice();
      void Taro.showToast({ title: '账号已注销', icon: 'success' });
      void Taro.reLaunch({ url: '/pages/index/index' });
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setDeleting(false);
    }
  };

  const rows = data.status === 'ready' ? dataRows(data.data) : [];
  return (
    <View className="page" data-testid="my-data-page">
      {error ? <ErrorBanner error={error} onClose={() => setError(null)} /> : null}
      <View className="card">
        <Text className="card__title">我们保存的您的信息</Text>
        {data.status === 'loading' && !data.data ? <Loading text="正在读取您的数据…" /> : null}
        {data.status === 'error' ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
        {data.status === 'ready' && rows.length === 0 ? <Empty title="暂无个人数据" /> : null}
        {rows.map((r) => (
          <View key={r.key} className="kv" data-testid="my-data-row" data-key={r.key}>
            <Text className="kv__k">{r.label}</Text>
            <Text className="kv__v kv__v--wrap">{r.text}</Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">注销账号</Text>
        <Text className="muted">注销后将删除您的个人信息并退出登录；订单金额记录按财务要求匿名保留。</Text>
        <View
          className={`btn btn--danger btn--block mt${deleting ? ' btn--disabled' : ''}`}
          onClick={() => void deleteAccount()}
          data-testid="delete-account"
        >
          {deleting ? '正在注销…' : '注销账号'}
        </View>
      </View>
      <View
        className="btn btn--ghost btn--block"
        onClick={() => Taro.navigateTo({ url: '/pages/account/privacy/index' })}
        data-testid="open-privacy"
      >
        用户隐私保护指引
      </View>
    </View>
  );
}
