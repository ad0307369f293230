import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { formatPrice, type GuideStatsResponse } from '@guideshare/contracts';
import { api, type StatsPeriod } from '../../lib/api';
import { errorTitle } from '../../lib/errors';
import { useAsync } from '../../hooks/useAsync';
import { Price } from '../../components/Price';
import { Loading } from '../../components/State';

export type PeriodKey = '7d' | 'month';

export const PERIODS: Array<{ key: PeriodKey; text: string }> = [
  { key: '7d', text: '近7天' },
  { key: 'month', text: '本月' },
];

const DAY_MS = 86_400_000;
/** The API's business days are Asia/Shanghai days (UTC+8 all year, no daylight saving). */
const BUSINESS_OFFSET_MS = 8 * 3_600_000;

/** The business date (YYYY-MM-DD, China time) of an instant. */
export function businessDate(ms: number): string {
  return new Date(ms + BUSINESS_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The query of a period: 近7天 is today and the 6 days before (`to` left to the server: today);
 * 本月 sends nothing, the server's default being this month to date.
 */
export function periodQuery(key: PeriodKey, now = Date.now()): StatsPeriod {
  return key === '7d' ? { from: businessDate(now - 6 * DAY_MS) } : {};
}

/** "2025-03-02" → "3月2日" */
export function shortDate(date: string | undefined): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? `${Number(m[1])}月${Number(m[2])}日` : '';
}

export function formatRange(from?: string, to?: string): string {
  const a = shortDate(from);
  const b = shortDate(to);
  if (!a || !b) return '';
  return a === b ? a : `${a} – ${b}`;
}

/** Daily net sales as bars (heights relative to the best day). */
function DayBars({
  days,
  labelEvery,
  amounts,
}: {
  days: GuideStatsResponse['days'];
  labelEvery: number;
  amounts: boolean;
}) {
  const max = Math.max(0, ...days.map((d) => d.gmvFen));
  if (max <= 0)
    return (
      <Text className="muted stats-days__empty" data-testid="stats-days-empty">
        这段时间还没有成交
      </Text>
    );
  return (
    <View className="stats-days" data-testid="stats-days">
      <View className="stats-days__bars">
        {days.map((d, i) => {
          const fen = d.gmvFen;
          const pct = fen > 0 ? Math.max(4, Math.round((fen / max) * 100)) : 0;
          return (
            <View key={d.date} className="stats-days__col" data-testid="stats-day" data-date={d.date} data-fen={fen}>
              {amounts ? (
                <Text className="stats-days__amount">{fen > 0 ? formatPrice(fen).replace(/\.00$/, '') : ''}</Text>
              ) : null}
              <View className="stats-days__track">
                <View
                  className={`stats-days__bar${fen > 0 ? '' : ' stats-days__bar--zero'}`}
                  style={{ height: `${pct}%` }}
                />
              </View>
              <Text className="stats-days__label">
                {i % labelEvery === 0 || i === days.length - 1 ? d.date.slice(8).replace(/^0/, '') : ''}
              </Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** 我的业绩: the guide's figures for 近7天 / 本月 from GET /api/guides/me/stats. */
export function Stats({ onAuthLost }: { onAuthLost?: () => void }) {
  const [period, setPeriod] = useState<PeriodKey>('7d');
  const stats = useAsync(async () => ({ period, data: await api.guideStats(periodQuery(period)) }), [period]);
  useDidShow(() => {
    // back from the share page: figures may have moved
    if (stats.status !== 'loading') void stats.reload();
  });
  useEffect(() => {
    if (stats.status === 'error' && stats.error.status === 401) onAuthLost?.();
  }, [stats.status, stats.error, onAuthLost]);

  // Figures of another period (the one before a switch) are not shown as this one's.
  const s = stats.data?.period === period ? stats.data.data : undefined;
  const unavailable = stats.status === 'error' && (stats.error.status === 404 || stats.error.code === 'NOT_FOUND');

  const head = (
    <View className="row row--between stats-head">
      <Text className="card__title stats-head__title">我的业绩</Text>
      {unavailable ? null : (
        <View className="seg" data-testid="stats-periods">
          {PERIODS.map((p) => (
            <Text
              key={p.key}
              className={`seg__item${p.key === period ? ' seg__item--on' : ''}`}
              onClick={() => setPeriod(p.key)}
              data-testid={`stats-period-${p.key}`}
            >
              {p.text}
            </Text>
          ))}
        </View>
      )}
    </View>
  );

  let body;
  if (unavailable) {
    body = (
      <Text className="muted" data-testid="stats-unavailable">
        访问与成交统计即将上线
      </Text>
    );
  } else if (stats.status === 'error') {
    body = (
      <View className="inline-error" data-testid="stats-error" data-code={stats.error.code}>
        <Text className="inline-error__text">
          {errorTitle(stats.error.code)}：{stats.error.message}
        </Text>
        <Text className="link" onClick={() => void stats.reload()} data-testid="stats-retry">
          重试
        </Text>
      </View>
    );
  } else if (!s) {
    body = <Loading text="正在统计…" />;
  } else {
    const counts: Array<[string, number | undefined, string]> = [
      ['分享', s.shares, 'stat-shares'],
      ['访问', s.visits, 'stat-visits'],
      ['访客', s.visitors, 'stat-visitors'],
      ['新会员', s.newMembers, 'stat-new-members'],
      ['订单', s.orders, 'stat-orders'],
      ['成交客户', s.buyers, 'stat-buyers'],
    ];
    const svs = s.sharerVsServer;
    const { days } = s;
    body = (
      <View
        data-testid="guide-stats"
        data-period={period}
        className={stats.status === 'loading' ? 'stats--refreshing' : ''}
      >
        <Text className="muted stats-range" data-testid="stats-range">
          {formatRange(s.from, s.to) || (period === '7d' ? '近7天' : '本月')}
          {s.from ? ' · 按北京时间统计' : ''}
        </Text>
        <View className="stats stats--grid">
          {counts.map(([label, value, id]) => (
            <View key={id} className="stats__cell">
              <Text className="stats__value" data-testid={id}>
                {value}
              </Text>
              <Text className="stats__label">{label}</Text>
            </View>
          ))}
        </View>
        <View className="stats stats--money">
          <View className="stats__cell">
            <Price fen={s.onlineGmvFen} testId="stat-online-gmv" />
            <Text className="stats__label">线上成交额</Text>
          </View>
          <View className="stats__cell">
            <Price fen={s.storeGmvFen} testId="stat-store-gmv" />
            <Text className="stats__label">门店成交额</Text>
          </View>
          <View className="stats__cell">
            <Price fen={s.commissionFen} testId="stat-commission" />
            <Text className="stats__label">佣金</Text>
          </View>
        </View>
        {svs ? (
          <Text className="muted stats-note" data-testid="stats-split">
            分享成交 {svs.shareOrders} 单 {formatPrice(svs.shareGmvFen)} · 专属客户成交 {svs.serviceOrders} 单{' '}
            {formatPrice(svs.serviceGmvFen)}
          </Text>
        ) : null}
        {s.refundedFen ? (
          <Text className="muted stats-note" data-testid="stats-refunded">
            成交额已扣除退款 {formatPrice(s.refundedFen)}
          </Text>
        ) : null}
        {days.length > 1 ? (
          <View className="stats-trend">
            <Text className="stats-trend__title">每日成交额</Text>
            <DayBars days={days} labelEvery={days.length > 10 ? 5 : 1} amounts={days.length <= 10} />
          </View>
        ) : null}
      </View>
    );
  }

  return (
    <View className="card" data-testid="stats-card">
      {head}
      {body}
    </View>
  );
}
