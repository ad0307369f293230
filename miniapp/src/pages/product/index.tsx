import { Button, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { formatPrice, type Sku } from '@guideshare/contracts';
import { api } from '../../lib/api';
import { addToCart, cartCount, cartLines, onCartChange, MAX_QUANTITY, type CartLine } from '../../lib/cart';
import { startCheckout } from '../../lib/checkout';
import { isH5 } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { useAsync } from '../../hooks/useAsync';
import { useEntry, useReShare } from '../../hooks/useEntry';
import { useTimelineShare } from '../../hooks/useTimeline';
import { isTimelineSinglePage } from '../../lib/group';
import { TimelineBanner } from '../../components/TimelineBanner';
import { Icon } from '../../components/Icon';
import { Price } from '../../components/Price';
import { ErrorState, Loading } from '../../components/State';
import { Stepper } from '../../components/Stepper';
import { Gallery } from '../../components/Gallery';
import { GuideCard } from './GuideCard';

export const PAGE = 'pages/product/index';

function firstAvailable(skus: Sku[]): Sku | undefined {
  return skus.find((s) => s.stock > 0) ?? skus[0];
}

export default function ProductPage() {
  const { params, openedWith, shareCode } = useEntry(PAGE);
  const id = params.id ?? '';
  const product = useAsync(async () => {
    // A mini-program code opens the page with only its scene (the share code): ask what it points at.
    const target = id || (openedWith && !params.id ? (await api.shareTarget(openedWith)).targetId : '');
    if (!target) throw new AppError('NOT_FOUND', '链接缺少商品编号');
    return api.product(target);
  }, [id, openedWith]);
  const singlePage = isTimelineSinglePage();
  const [skuId, setSkuId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [count, setCount] = useState(() => cartCount());

  useEffect(() => {
    setCount(cartCount(cartLines()));
    return onCartChange((lines) => setCount(cartCount(lines)));
  }, []);

  const data = product.status === 'ready' ? product.data : undefined;
  const sku = useMemo(() => {
    if (!data) return undefined;
    return data.skus.find((s) => s.id === skuId) ?? firstAvailable(data.skus);
  }, [data, skuId]);
  const maxQty = sku ? Math.max(1, Math.min(sku.stock, MAX_QUANTITY)) : 1;
  const canBuy = !!sku && sku.stock > 0;

  const shareContent = () => ({
    title: data ? (sku ? `${data.name} ${formatPrice(sku.priceFen)}` : data.name) : 'GuideShare 优选好物',
    imageUrl: data?.imageUrl || undefined,
  });
  useTimelineShare(() => ({ id: data?.id ?? id }), openedWith, shareContent);
  useReShare(PAGE, { id: data?.id ?? id }, openedWith, shareContent);

  const line = (): CartLine | null =>
    data && sku
      ? {
          skuId: sku.id,
          productId: data.id,
          productName: data.name,
          skuName: sku.name,
          priceFen: sku.priceFen,
          imageUrl: data.imageUrl,
          quantity,
          stock: sku.stock,
        }
      : null;

  const onAdd = () => {
    const l = line();
    if (!l || !canBuy) return;
    addToCart(l);
    void Taro.showToast({ title: '已加入购物车', icon: 'success' });
  };
  const onBuy = () => {
    const l = line();
    if (!l || !canBuy) return;
    startCheckout('buyNow', [l]);
    void Taro.navigateTo({ url: '/pages/checkout/index' });
  };

  if (product.status === 'loading')
    return (
      <View className="page">
        <Loading />
      </View>
    );
  if (product.status === 'error') {
    return (
      <View className="page">
        <ErrorState
          error={product.error}
          onRetry={product.error.code === 'NOT_FOUND' ? undefined : product.reload}
          extra={
            <View
              className="btn btn--ghost btn--sm state__action"
              onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}
            >
              返回首页
            </View>
          }
        />
      </View>
    );
  }
  const p = product.data;
  return (
    <View className="page page--actionbar" data-testid="product-page" data-product-id={p.id}>
      {singlePage ? <TimelineBanner /> : null}
      <Gallery images={p.imageUrls?.length ? p.imageUrls : [p.imageUrl]} name={p.name} />
      <View className="card detail__info">
        <View className="detail__price-row">
          {sku ? <Price fen={sku.priceFen} size="lg" testId="product-price" /> : null}
          {shareCode ? <Text className="tag tag--primary">导购推荐</Text> : null}
        </View>
        <Text className="detail__name" data-testid="product-name">
          {p.name}
        </Text>
        {!isH5() ? (
          <Button className="detail__share" openType="share" plain data-testid="share-button">
            <Icon name="share" className="icon--sm" />
            <Text>分享</Text>
          </Button>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">规格</Text>
        <View className="chips" data-testid="sku-list">
          {p.skus.map((s) => {
            const off = s.stock <= 0;
            const on = sku?.id === s.id;
            return (
              <View
                key={s.id}
                className={`chip${on ? ' chip--on' : ''}${off ? ' chip--off' : ''}`}
                data-testid="sku-option"
                data-sku-id={s.id}
                onClick={() => {
                  if (off) return;
                  setSkuId(s.id);
                  setQuantity((q) => Math.min(q, Math.max(1, Math.min(s.stock, MAX_QUANTITY))));
                }}
              >
                {s.name}
                {off ? '（缺货）' : ''}
              </View>
            );
          })}
        </View>
        <View className="row row--between detail__qty">
          <Text className="card__title">数量</Text>
          <View className="row">
            {sku ? <Text className="muted detail__stock">库存 {sku.stock}</Text> : null}
            <Stepper value={quantity} max={maxQty} onChange={setQuantity} testId="quantity" />
          </View>
        </View>
      </View>

      {shareCode ? <GuideCard shareCode={shareCode} /> : null}

      {p.description ? (
        <View className="card" data-testid="product-description">
          <Text className="card__title">商品详情</Text>
          <Text className="detail__desc">{p.description}</Text>
        </View>
      ) : null}

      <View className="card detail__notes">
        <Text className="muted">正品保障 · 门店同款 · 支持到店出示会员码享权益</Text>
      </View>

      <View className={`actionbar${singlePage ? ' actionbar--hidden' : ''}`}>
        <View
          className="actionbar__icon"
          onClick={() => Taro.navigateTo({ url: '/pages/cart/index' })}
          data-testid="go-cart"
        >
          <Icon name="cart" />
          <Text className="actionbar__icon-text">购物车</Text>
          {count > 0 ? <Text className="badge">{count > 99 ? '99+' : count}</Text> : null}
        </View>
        <View
          className={`btn btn--secondary actionbar__btn${canBuy ? '' : ' btn--disabled'}`}
          onClick={onAdd}
          data-testid="add-to-cart"
        >
          加入购物车
        </View>
        <View
          className={`btn btn--primary actionbar__btn${canBuy ? '' : ' btn--disabled'}`}
          onClick={onBuy}
          data-testid="buy-now"
        >
          {canBuy ? '立即购买' : '已售罄'}
        </View>
      </View>
    </View>
  );
}
