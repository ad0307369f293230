import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { api } from '../../lib/api';
import { rememberLive } from '../../lib/checkout';
import { AppError } from '../../lib/errors';
import { LIVE_PHASE_LABELS, formatDateTime, livePhase } from '../../lib/labels';
import { useAsync } from '../../hooks/useAsync';
import { useEntry, useReShare } from '../../hooks/useEntry';
import { useTimelineShare } from '../../hooks/useTimeline';
import { isTimelineSinglePage } from '../../lib/group';
import { TimelineBanner } from '../../components/TimelineBanner';
import { ProductCard } from '../../components/ProductCard';
import { ErrorState, Loading } from '../../components/State';

export const PAGE = 'pages/live/index';

export default function LivePage() {
  const { params, openedWith, shareCode } = useEntry(PAGE);
  const id = params.id ?? '';
  const live = useAsync(async () => {
    // A mini-program code opens the page with only its scene (the share code): ask what it points at.
    const target = id || (openedWith ? (await api.shareTarget(openedWith)).targetId : '');
    const [lives, products] = await Promise.all([api.lives(), api.products().catch(() => [])]);
    const found = lives.find((l) => l.id === target);
    if (!found) throw new AppError('NOT_FOUND', '这场直播不存在或已下线');
    return { live: found, products };
  }, [id, openedWith]);
  const data = live.status === 'ready' ? live.data : undefined;
  const shareContent = () => ({ title: data ? `直播：${data.live.title}` : 'GuideShare 直播间' });
  useReShare(PAGE, { id: data?.live.id ?? id }, openedWith, shareContent);
  useTimelineShare(() => ({ id: data?.live.id ?? id }), openedWith, shareContent);

  // Orders placed while this live runs carry its id (the live's guide is credited).
  useEffect(() => {
    if (data && livePhase(data.live) !== 'ended') rememberLive(data.live.id, data.live.endsAt);
  }, [data]);

  if (live.status === 'loading' && !live.data)
    return (
      <View className="page">
        <Loading />
      </View>
    );
  if (live.status === 'error')
    return (
      <View className="page">
        <ErrorState error={live.error} onRetry={live.error.code === 'NOT_FOUND' ? undefined : live.reload} />
      </View>
    );
  const { live: l, products } = live.data!;
  const phase = livePhase(l);
  return (
    <View className="page" data-testid="live-page" data-live-id={l.id}>
      {isTimelineSinglePage() ? <TimelineBanner /> : null}
      <View className={`live-hero live-card__cover--${phase}`}>
        <Text className={`live-badge live-badge--${phase}`} data-testid="live-phase">
          {LIVE_PHASE_LABELS[phase]}
        </Text>
        <Text className="live-hero__title">{l.title}</Text>
        <Text className="live-hero__time">
          {formatDateTime(l.startsAt)} - {formatDateTime(l.endsAt).slice(11)}
        </Text>
        {shareCode ? <Text className="hero__tag">导购邀请你来看直播</Text> : null}
      </View>
      <View className="section-title">
        <Text>直播好物</Text>
      </View>
      {products.length === 0 ? <Text className="muted center">商品即将上架</Text> : null}
      <View className="grid">
        {products.map((p) => (
          <ProductCard
            key={p.id}
            product={p}
            onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(p.id)}` })}
          />
        ))}
      </View>
    </View>
  );
}
