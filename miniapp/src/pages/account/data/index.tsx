import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MemberDataExport } from '@guideshare/contracts';
import { api } from '../../../lib/api';
import type { AppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/labels';
import { KEYS, remove } from '../../../lib/storage';
import { asAppError, useAsync } from '../../../hooks/useAsync';
import { ErrorBanner, ErrorState, Loading } from '../../../components/State';

export interface DataRow {
  key: string;
  label: string;
  text: string;
  /** why the brand keeps it (the export's `purposes`) */
  purpose?: string;
}

const orNone = (v: string | null) => v || '无';
const time = (iso: string | null) => (iso ? formatDateTime(iso) || iso : '无');
const count = (list: unknown[]) => (list.length ? `${list.length} 条` : '无');

/** What GET /api/members/me/data returns, as labelled rows: the account field by field, each list as a count. */
export function dataRows(data: MemberDataExport): DataRow[] {
  const m = data.member;
  const { purposes } = data;
  const member: Array<[string, string, string]> = [
    ['id', '会员编号', m.id],
    ['openid', '微信标识（OpenID）', m.openid],
    ['unionid', '微信 UnionID', orNone(m.unionid)],
    ['phone', '手机号', orNone(m.phone)],
    ['registeredAt', '开卡时间', m.registeredAt ? time(m.registeredAt) : '未开卡'],
    ['createdAt', '首次使用时间', time(m.createdAt)],
    ['serviceGuide', '专属导购', orNone(m.serviceGuide?.name ?? null)],
    ['serviceStore', '服务门店', orNone(m.serviceStore?.name ?? null)],
    ['boundAt', '绑定导购时间', time(m.boundAt)],
  ];
  const lists: Array<[string, string, unknown[]]> = [
    ['addresses', '收货地址', data.addresses],
    ['orders', '订单', data.orders],
    ['visits', '导购分享访问记录', data.visits],
    ['afterSales', '售后申请', data.afterSales],
  ];
  return [
    // The account's purpose goes with its first row, the member number.
    ...member.map(([key, label, text]) => ({
      key: `member.${key}`,
      label,
      text,
      ...(key === 'id' && purposes.member ? { purpose: purposes.member } : {}),
    })),
    ...lists.map(([key, label, list]) => ({
      key,
      label,
      text: count(list),
      ...(purposes[key] ? { purpose: purposes[key] } : {}),
    })),
    { key: 'exportedAt', label: '导出时间', text: time(data.exportedAt) },
  ];
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
        {rows.map((r) => (
          <View key={r.key} data-testid="my-data-row" data-key={r.key}>
            <View className="kv">
              <Text className="kv__k">{r.label}</Text>
              <Text className="kv__v kv__v--wrap">{r.text}</Text>
            </View>
            {r.purpose ? (
              <Text className="muted" data-testid="my-data-purpose">
                用途：{r.purpose}
              </Text>
            ) : null}
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
