import { Button, Image, View, Text } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../lib/api';
import { isH5 } from '../../lib/env';
import { useAsync } from '../../hooks/useAsync';

/**
 * "导购 王小美 为你推荐": the guide whose card opened the page, and a way to add them on WeCom — their
 * 联系我 QR (long-press to add), else in the mini-program the customer-service conversation.
 * A departed guide's card names the store only. Nothing while loading or on failure.
 */
export function GuideCard({ shareCode }: { shareCode: string }) {
  const card = useAsync(() => api.shareGuide(shareCode), [shareCode]);
  const [showQr, setShowQr] = useState(false);
  const guide = card.status === 'ready' ? card.data : null;
  if (!guide?.name) return null;
  const qr = guide.active ? guide.contactQrUrl || null : null;
  const store = `${guide.storeName}${guide.storeCity ? ` · ${guide.storeCity}` : ''}`;
  return (
    <View className="card guide-card" data-testid="guide-card">
      <View className="row">
        <View className="guide-card__avatar">
          {guide.avatarUrl ? (
            <Image className="guide-card__img" src={guide.avatarUrl} mode="aspectFill" />
          ) : (
            <Text className="guide-card__letter">{(guide.active ? guide.name : guide.storeName).slice(0, 1)}</Text>
          )}
        </View>
        <View className="guide-card__body">
          <Text className="guide-card__title" data-testid="guide-card-title">
            {guide.active ? `导购 ${guide.name} 为你推荐` : `${guide.storeName} 为你推荐`}
          </Text>
          <Text className="muted">{guide.active ? `${store} · 一对一专属服务` : store}</Text>
        </View>
        {qr ? (
          <View className="btn btn--primary btn--sm" onClick={() => setShowQr((v) => !v)} data-testid="guide-add">
            加企业微信
          </View>
        ) : guide.active && !isH5() ? (
          <Button
            className="btn btn--primary btn--sm guide-card__contact"
            openType="contact"
            sessionFrom={`guide:${guide.guideId}`}
            data-testid="guide-contact"
          >
            联系导购
          </Button>
        ) : null}
      </View>
      {qr && showQr ? (
        <View className="guide-card__qr" data-testid="guide-qr">
          <Image className="guide-card__qr-img" src={qr} mode="aspectFit" showMenuByLongpress />
          <Text className="muted">长按识别二维码，添加导购企业微信</Text>
        </View>
      ) : null}
      {!qr && guide.active && isH5() ? (
        <Text className="muted form-hint" data-testid="guide-contact-hint">
          在微信中打开可直接联系导购，或到店找 {guide.name}
        </Text>
      ) : null}
    </View>
  );
}
