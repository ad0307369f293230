import { View, Text } from '@tarojs/components';
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { currentGuide, guideLogin, guideLogout, guideToken, wecomLoginCode, type GuideProfile } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import { entryKindLabel, formatDateTime, shortId } from '../../lib/labels';
import { asAppError, useAsync } from '../../hooks/useAsync';
import { Price } from '../../components/Price';
import { Empty, ErrorBanner, ErrorState, Loading } from '../../components/State';
import { Stats } from './Stats';
import './guide.css';
import { BusyButton, TextField } from '../../components/FormControls';

function loggedInGuide(): GuideProfile | null {
  return guideToken() ? currentGuide() : null;
}

export function LoginForm({ onDone, notice }: { onDone: (g: GuideProfile) => void; notice?: string }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (value = code) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await guideLogin(value));
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  // Inside WeCom the mini-program gets a code without typing.
  useEffect(() => {
    void wecomLoginCode().then((c) => {
      if (c) void submit(c);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <View className="page" data-testid="guide-login">
      <View className="guide-hero">
        <Text className="guide-hero__title">导购工作台</Text>
        <Text className="guide-hero__sub">分享商品与直播，客户下单自动计入你的业绩</Text>
      </View>
      <View className="card">
        {notice ? <Text className="muted">{notice}</Text> : null}
        {error ? <ErrorBanner error={error} /> : null}
        <Text className="card__title">企业微信登录码</Text>
        <TextField
          value={code}
          placeholder="例如 wx-guide-1.demo"
          onChange={setCode}
          onConfirm={() => void submit()}
          testId="guide-code"
        />
        <Text className="muted form-hint">演示环境：模拟器把登录码中第一个“.”之前的部分当作企业微信账号。</Text>
        <BusyButton
          busy={busy}
          onClick={() => void submit()}
          text="登录"
          busyText="登录中…"
          testId="guide-login-submit"
        />
      </View>
    </View>
  );
}

function entryState(e: { settlementId: string | null; availableAt: string }, now = Date.now()): string {
  if (e.settlementId) return '已结算';
  const at = Date.parse(e.availableAt);
  return Number.isFinite(at) && at > now ? '冷静期' : '可结算';
}

function Commissions({ onAuthLost }: { onAuthLost: () => void }) {
  const data = useAsync(() => api.commissions(), []);
  useDidShow(() => {
    if (data.status !== 'loading') void data.reload();
  });
  useEffect(() => {
    if (data.status === 'error' && data.error.status === 401) onAuthLost();
  }, [data.status, data.error, onAuthLost]);

  if (data.status === 'loading' && !data.data) return <Loading />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const c = data.data!;
  const entries = [...c.entries].sort((a, b) => b.availableAt.localeCompare(a.availableAt));
  return (
    <View data-testid="commissions">
      <View className="stats stats--money">
        <View className="stats__cell">
          <Price fen={c.pendingFen} testId="commission-pending" />
          <Text className="stats__label">待入账</Text>
        </View>
        <View className="stats__cell">
          <Price fen={c.availableFen} testId="commission-available" />
          <Text className="stats__label">可结算</Text>
        </View>
        <View className="stats__cell">
          <Price fen={c.settledFen} testId="commission-settled" />
          <Text className="stats__label">已结算</Text>
        </View>
      </View>
      {entries.length === 0 ? (
        <Empty title="还没有佣金记录" hint="分享商品给客户，客户下单后这里会出现佣金" />
      ) : (
        <View className="entries" data-testid="commission-entries">
          {entries.map((e) => (
            <View
              key={e.id}
              className="entry"
              data-testid="commission-entry"
              data-order-id={e.orderId ?? ''}
              data-kind={e.kind}
            >
              <View className="entry__main">
                <Text className="entry__title">
                  {entryKindLabel(e.kind)}
                  {e.orderId ? ` · 订单 ${e.orderNo ?? shortId(e.orderId)}` : ''}
                </Text>
                {e.productName ? (
                  <Text className="entry__product" data-testid="commission-product">
                    {e.productName}
                  </Text>
                ) : null}
                <Text className="muted">
                  {entryState(e)} · {formatDateTime(e.availableAt)} 起可结算
                  {e.rateBps != null ? ` · 比例 ${e.rateBps / 100}%` : ''}
                </Text>
              </View>
              <Price fen={e.amountFen} size="sm" muted={e.amountFen < 0} testId="commission-amount" />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

export default function GuideHome() {
  const [guide, setGuide] = useState<GuideProfile | null>(() => loggedInGuide());
  const [notice, setNotice] = useState<string | undefined>();
  const stores = useAsync(() => api.stores(), [guide?.storeId], { immediate: !!guide });
  const storeName = stores.data?.find((s) => s.id === guide?.storeId)?.name;
  useDidShow(() => setGuide(loggedInGuide()));
  // The workbench itself is not a customer-facing card; sharing it opens the storefront.
  useShareAppMessage(() => ({ title: 'GuideShare 优选', path: '/pages/index/index' }));

  if (!guide) {
    return (
      <LoginForm
        notice={notice}
        onDone={(g) => {
          setNotice(undefined);
          setGuide(g);
        }}
      />
    );
  }

  const authLost = () => {
    guideLogout();
    setNotice('登录已过期，请重新登录');
    setGuide(null);
  };

  return (
    <View className="page" data-testid="guide-home">
      <View className="guide-hero">
        <View className="row row--between">
          <View>
            <Text className="guide-hero__title" data-testid="guide-name">
              {guide.name || '导购'}
            </Text>
            <Text className="guide-hero__sub" data-testid="guide-store">
              {storeName ?? `门店 ${shortId(guide.storeId, 6)}`} · 导购工作台
            </Text>
          </View>
          <Text
            className="guide-hero__logout"
            onClick={() => {
              guideLogout();
              setGuide(null);
            }}
            data-testid="guide-logout"
          >
            退出
          </Text>
        </View>
        <View
          className="btn btn--light btn--block mt"
          onClick={() => Taro.navigateTo({ url: '/pages/guide/share/index' })}
          data-testid="go-share"
        >
          分享商品 / 直播 / 海报
        </View>
        <View
          className="btn btn--light btn--block mt"
          onClick={() => Taro.navigateTo({ url: '/pages/guide/claims/index' })}
          data-testid="go-claims"
        >
          我的补录
        </View>
      </View>

      <Stats onAuthLost={authLost} />

      <View className="card">
        <Text className="card__title">我的佣金</Text>
        <Commissions onAuthLost={authLost} />
      </View>
    </View>
  );
}
