import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { errorTitle, type AppError } from '../lib/errors';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state--loading" data-testid="state-loading">
      <View className="spinner" />
      <Text className="state__text">{text}</Text>
    </View>
  );
}

export function Empty({
  title,
  hint,
  action,
}: {
  title: string;
  hint?: string;
  action?: { text: string; onClick: () => void };
}) {
  return (
    <View className="state state--empty" data-testid="state-empty">
      <View className="state__icon">
        <View className="state__icon-box" />
      </View>
      <Text className="state__title">{title}</Text>
      {hint ? <Text className="state__text">{hint}</Text> : null}
      {action ? (
        <View className="btn btn--ghost btn--sm state__action" onClick={action.onClick} data-testid="state-action">
          {action.text}
        </View>
      ) : null}
    </View>
  );
}

/**
 * A page that could not load: a Chinese headline and sentence chosen by the error's code (never the
 * server's text or the code itself), and 重试 only when trying again can help (network, 5xx, 429).
 */
export function ErrorState({ error, onRetry, extra }: { error: AppError; onRetry?: () => void; extra?: ReactNode }) {
  return (
    <View className="state state--error" data-testid="state-error" data-code={error.code}>
      <View className="state__icon state__icon--error">!</View>
      <Text className="state__title">{errorTitle(error.code, error.status)}</Text>
      <Text className="state__text" data-testid="error-message">
        {error.message}
      </Text>
      {onRetry && error.retryable ? (
        <View className="btn btn--primary btn--sm state__action" onClick={onRetry} data-testid="retry">
          重试
        </View>
      ) : null}
      {extra}
    </View>
  );
}

/** A slim inline error (inside a page that still shows its content). */
export function ErrorBanner({ error, onClose }: { error: AppError; onClose?: () => void }) {
  return (
    <View className="banner banner--error" data-testid="error-banner" data-code={error.code}>
      <View className="banner__body">
        <Text className="banner__title">{errorTitle(error.code, error.status)}</Text>
        <Text className="banner__text">{error.message}</Text>
      </View>
      {onClose ? (
        <Text className="banner__close" onClick={onClose} data-testid="error-banner-close">
          ×
        </Text>
      ) : null}
    </View>
  );
}
