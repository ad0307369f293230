import { Button, View, Text } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { Live, Product, Share, ShareKind } from '@guideshare/contracts';
import { api } from '../../../lib/api';
import { currentGuide, guideToken } from '../../../lib/auth';
import { h5Link, isH5 } from '../../../lib/env';
import { enableGroupShareMenu } from '../../../lib/group';
import type { AppError } from '../../../lib/errors';
import { formatDateTime, LIVE_PHASE_LABELS, livePhase } from '../../../lib/labels';
import { asAppError, useAsync } from '../../../hooks/useAsync';
import { priceRange } from '../../../components/ProductCard';
import { Price } from '../../../components/Price';
import { QrImage } from '../../../components/QrImage';
import { Empty, ErrorBanner, ErrorState, Loading } from '../../../components/State';
import { Thumb } from '../../../components/Thumb';
import { CommissionHint, useCommissionEstimates } from './CommissionHint';
import { PosterPanel } from './PosterPanel';
import '../guide.css';

type Target = { kind: 'product'; product: Product } | { kind: 'live'; live: Live };

interface Issued {
  share: Share;
  target: Target;
}

function targetTitle(t: Target): string {
  return t.kind === 'product' ? t.product.name : `直播：${t.live.title}`;
}

/** The card path: the API's `path`, normalised to start with '/'. */
export function cardPath(share: Share): string {
  return share.path.startsWith('/') ? share.path : `/${share.path}`;
}

/** The browser build's link card: what a phone camera can open without WeChat (H5 only). */
function LinkCard({ issued, guideName }: { issued: Issued; guideName: string }) {
  const { share, target } = issued;
  const link = h5Link(cardPath(share));
  return (
    <View className="poster" data-testid="poster">
      {target.kind === 'product' ? (
        <>
          <Thumb src={target.product.imageUrl} name={target.product.name} className="poster__img" />
          <Text className="poster__title">{target.product.name}</Text>
          {priceRange(target.product) ? <Price fen={priceRange(target.product)!.minFen} size="lg" /> : null}
        </>
      ) : (
        <View className={`poster__live live-card__cover--${livePhase(target.live)}`}>
          <Text className="live-badge">{LIVE_PHASE_LABELS[livePhase(target.live)]}</Text>
          <Text className="poster__live-title">{target.live.title}</Text>
          <Text className="poster__live-time">{formatDateTime(target.live.startsAt)} 开播</Text>
        </View>
      )}
      <View className="poster__foot">
        <View className="poster__who">
          <Text className="poster__guide">导购 {guideName} 为你推荐</Text>
          <Text className="muted">长按或扫码查看 · 码 {share.scene}</Text>
        </View>
        <QrImage text={link} size="sm" testId="share-qr" />
      </View>
    </View>
  );
}

export default function GuideSharePage() {
  const loggedIn = !!guideToken();
  const guide = currentGuide();
  const [tab, setTab] = useState<ShareKind>('product');
  const [issuing, setIssuing] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const issuedRef = useRef<Issued | null>(null);
  issuedRef.current = issued;

  const products = useAsync(() => api.products(), [], { immediate: loggedIn });
  const lives = useAsync(() => api.lives(), [], { immediate: loggedIn });
  const estimates = useCommissionEstimates(loggedIn);

  // Cards sent from here carry a shareTicket, so a card opened in a group tells the API which group.
  useEffect(() => enableGroupShareMenu(), []);

  // The card that "发送给客户" (or the menu) sends: the API-issued path carrying the guide's code.
  useShareAppMessage(() => {
    const cur = issuedRef.current;
    if (!cur) return { title: 'GuideShare 优选', path: '/pages/index/index' };
    const imageUrl = cur.target.kind === 'product' ? cur.target.product.imageUrl : undefined;
    return { title: targetTitle(cur.target), path: cardPath(cur.share), ...(imageUrl ? { imageUrl } : {}) };
  });

  if (!loggedIn) {
    return (
      <View className="page">
        <Empty
          title="请先登录导购工作台"
          action={{ text: '去登录', onClick: () => Taro.redirectTo({ url: '/pages/guide/index' }) }}
        />
      </View>
    );
  }

  const issue = async (target: Target) => {
    const targetId = target.kind === 'product' ? target.product.id : target.live.id;
    setIssuing(targetId);
    setError(null);
    try {
      const share = await api.createShare({ kind: target.kind, targetId });
      setIssued({ share, target });
      if (isH5()) Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setIssuing(null);
    }
  };

  const copy = (text: string) => {
    void Taro.setClipboardData({ data: text }).then(
      () => Taro.showToast({ title: '链接已复制', icon: 'success' }),
      () => Taro.showToast({ title: '复制失败，请长按链接手动复制', icon: 'none' }),
    );
  };

  const link = issued ? h5Link(cardPath(issued.share)) : '';

  return (
    <View className="page" data-testid="guide-share">
      {error ? <ErrorBanner error={error} onClose={() => setError(null)} /> : null}

      {issued ? (
        <View className="card share-panel" data-testid="share-panel" data-code={issued.share.code}>
          <View className="row row--between share-panel__head">
            <Text className="card__title share-panel__title">分享：{targetTitle(issued.target)}</Text>
            <Text className="link share-panel__close" onClick={() => setIssued(null)}>
              关闭
            </Text>
          </View>
          <PosterPanel code={issued.share.code} />
          {isH5() ? (
            <View className="share-link">
              <LinkCard issued={issued} guideName={guide?.name ?? ''} />
              <Text className="share-link__text" selectable data-testid="share-link">
                {link}
              </Text>
              <View className="btn btn--primary btn--block mt" onClick={() => copy(link)} data-testid="copy-link">
                复制链接发给客户
              </View>
            </View>
          ) : (
            <View>
              <Button className="btn btn--primary btn--block mt share-btn" openType="share" data-testid="share-send">
                发送给客户或群聊
              </Button>
              <Text className="muted form-hint">保存海报后可发朋友圈；在群里打开的卡片会计入该群的业绩。</Text>
            </View>
          )}
          <Text className="muted form-hint">客户通过此卡片、链接或二维码进入并下单，业绩和佣金自动计入你名下。</Text>
        </View>
      ) : null}

      <View className="tabs">
        {(['product', 'live'] as const).map((k) => (
          <View
            key={k}
            className={`tabs__item${tab === k ? ' tabs__item--on' : ''}`}
            onClick={() => setTab(k)}
            data-testid={`share-tab-${k}`}
          >
            {k === 'product' ? '商品' : '直播'}
          </View>
        ))}
      </View>

      {tab === 'product' ? (
        products.status === 'loading' && !products.data ? (
          <Loading />
        ) : products.status === 'error' ? (
          <ErrorState error={products.error} onRetry={products.reload} />
        ) : products.data!.length === 0 ? (
          <Empty title="暂无可分享的商品" />
        ) : (
          <View data-testid="share-products">
            {products.data!.map((p) => {
              const range = priceRange(p);
              return (
                <View key={p.id} className="card line" data-testid="share-item" data-product-id={p.id}>
                  <Thumb src={p.imageUrl} name={p.name} className="line__img line__img--sm" />
                  <View className="line__body">
                    <Text className="line__name">{p.name}</Text>
                    {range ? <Price fen={range.minFen} size="sm" /> : null}
                    <CommissionHint estimate={estimates[p.id]} />
                  </View>
                  <View
                    className={`btn btn--primary btn--sm${issuing === p.id ? ' btn--disabled' : ''}`}
                    onClick={() => void issue({ kind: 'product', product: p })}
                    data-testid="share-product"
                    data-product-id={p.id}
                  >
                    {issuing === p.id ? '生成中…' : '分享'}
                  </View>
                </View>
              );
            })}
          </View>
        )
      ) : lives.status === 'loading' && !lives.data ? (
        <Loading />
      ) : lives.status === 'error' ? (
        <ErrorState error={lives.error} onRetry={lives.reload} />
      ) : lives.data!.length === 0 ? (
        <Empty title="暂无直播" hint="运营创建直播后可以在这里分享直播卡片" />
      ) : (
        <View data-testid="share-lives">
          {lives.data!.map((l) => (
            <View key={l.id} className="card line" data-testid="share-item" data-live-id={l.id}>
              <View className="line__body">
                <Text className="line__name">{l.title}</Text>
                <Text className="muted">
                  {LIVE_PHASE_LABELS[livePhase(l)]} · {formatDateTime(l.startsAt)}
                </Text>
              </View>
              <View
                className={`btn btn--primary btn--sm${issuing === l.id ? ' btn--disabled' : ''}`}
                onClick={() => void issue({ kind: 'live', live: l })}
                data-testid="share-live"
                data-live-id={l.id}
              >
                {issuing === l.id ? '生成中…' : '分享'}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
