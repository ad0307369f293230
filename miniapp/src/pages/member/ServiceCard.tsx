import { View, Text } from '@tarojs/components';
import type { MemberProfile } from '@guideshare/contracts';
import { errorTitle, type AppError } from '../../lib/errors';

/** 我的专属导购 / 服务门店 from GET /api/members/me. */
export function ServiceCard({
  profile,
  loading,
  error,
  onRetry,
}: {
  profile?: MemberProfile;
  loading: boolean;
  error?: AppError;
  onRetry: () => void;
}) {
  const guide = profile?.serviceGuide ?? null;
  const store = profile?.serviceStore ?? null;
  return (
    <View className="card service" data-testid="service-card">
      <Text className="card__title">我的专属导购</Text>
      {error && !profile ? (
        <View className="inline-error" data-testid="profile-error" data-code={error.code}>
          <Text className="inline-error__text">
            {errorTitle(error.code, error.status)}：{error.message}
          </Text>
          {error.retryable ? (
            <Text className="link" onClick={onRetry} data-testid="profile-retry">
              重试
            </Text>
          ) : null}
        </View>
      ) : null}
      {loading && !profile ? (
        <Text className="muted" data-testid="profile-loading">
          正在加载…
        </Text>
      ) : null}
      {profile ? (
        <View>
          {guide ? (
            <View className="service__guide" data-testid="service-guide" data-guide-id={guide.id}>
              <View className="service__avatar">
                <Text className="service__avatar-text">{guide.name.slice(0, 1) || '导'}</Text>
              </View>
              <View className="service__body">
                <View className="row">
                  <Text className="service__name">{guide.name}</Text>
                  <Text className={`tag ${guide.status === 'departed' ? 'tag--muted' : 'tag--primary'} service__tag`}>
                    {guide.status === 'departed' ? '已离职' : '专属导购'}
                  </Text>
                </View>
                <Text className="muted">线上下单、到店消费都由 TA 为您服务</Text>
              </View>
            </View>
          ) : (
            <View className="service__none" data-testid="no-service-guide">
              <Text className="service__none-title">暂无专属导购</Text>
              <Text className="muted">通过导购分享的商品或直播进入，即可绑定专属导购</Text>
            </View>
          )}
          <View className="kv service__store">
            <Text className="kv__k">服务门店</Text>
            <Text className="kv__v" data-testid="service-store">
              {store ? `${store.name}${store.city ? ` · ${store.city}` : ''}` : '暂未分配'}
            </Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
