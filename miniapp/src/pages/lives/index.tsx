import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Live, Store } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { formatDateTime, LIVE_PHASE_LABELS, livePhase } from '../../lib/labels';
import { useAsync } from '../../hooks/useAsync';
import { useReShare } from '../../hooks/useEntry';
import { Empty, ErrorState, Loading } from '../../components/State';
import { TabBar } from '../../components/TabBar';

const PHASE_ORDER = { live: 0, upcoming: 1, ended: 2 } as const;

export function sortLives(lives: Live[], now = Date.now()): Live[] {
  return [...lives].sort((a, b) => {
    const pa = PHASE_ORDER[livePhase(a, now)];
    const pb = PHASE_ORDER[livePhase(b, now)];
    if (pa !== pb) return pa - pb;
    return pa === 2 ? b.startsAt.localeCompare(a.startsAt) : a.startsAt.localeCompare(b.startsAt);
  });
}

export function LiveCard({ live, storeName, onClick }: { live: Live; storeName?: string; onClick?: () => void }) {
  const phase = livePhase(live);
  return (
    <View
      className="card live-card"
      onClick={onClick}
      data-testid="live-card"
      data-live-id={live.id}
      data-phase={phase}
    >
      <View className={`live-card__cover live-card__cover--${phase}`}>
        <Text className={`live-badge live-badge--${phase}`}>{LIVE_PHASE_LABELS[phase]}</Text>
        <Text className="live-card__cover-title">{live.title}</Text>
      </View>
      <View className="live-card__body">
        <Text className="live-card__title">{live.title}</Text>
        <Text className="muted">
          {storeName ? `${storeName} · ` : ''}
          {formatDateTime(live.startsAt)} - {formatDateTime(live.endsAt).slice(11)}
        </Text>
      </View>
    </View>
  );
}

export default function LivesPage() {
  const lives = useAsync(async () => {
    const [list, stores] = await Promise.all([api.lives(), api.stores().catch(() => [] as Store[])]);
    return { list: sortLives(list), stores: new Map(stores.map((s) => [s.id, s.name])) };
  }, []);
  useReShare('pages/lives/index', {}, null, () => ({ title: 'GuideShare 直播间 · 门店导购带你逛' }));

  return (
    <View className="page page--tabbed">
      {lives.status === 'loading' && !lives.data ? <Loading /> : null}
      {lives.status === 'error' ? <ErrorState error={lives.error} onRetry={lives.reload} /> : null}
      {lives.status === 'ready' && lives.data.list.length === 0 ? (
        <Empty title="暂无直播" hint="导购们正在准备下一场直播，敬请期待" />
      ) : null}
      {lives.status === 'ready' && lives.data.list.length > 0 ? (
        <View data-testid="live-list">
          {lives.data.list.map((l) => (
            <LiveCard
              key={l.id}
              live={l}
              storeName={lives.data.stores.get(l.storeId)}
              onClick={() => Taro.navigateTo({ url: `/pages/live/index?id=${encodeURIComponent(l.id)}` })}
            />
          ))}
        </View>
      ) : null}
      <TabBar current="lives" />
    </View>
  );
}
