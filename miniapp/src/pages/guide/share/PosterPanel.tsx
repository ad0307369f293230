import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { isH5 } from '../../../lib/env';
import type { AppError } from '../../../lib/errors';
import { downloadPoster, savePoster, type SaveResult } from '../../../lib/poster';
import { asAppError } from '../../../hooks/useAsync';
import { ErrorBanner, Loading } from '../../../components/State';

type State = { status: 'loading' } | { status: 'ready'; path: string } | { status: 'error'; error: AppError };

const RESULT_TEXT: Record<SaveResult, string> = {
  saved: '已保存到相册，可以发朋友圈或群聊了',
  downloaded: '海报已下载',
  denied: '没有相册权限，海报未保存',
  cancelled: '',
};

/**
 * The share's poster as the API draws it (picture, price or live time, the guide, the mini-program
 * code), saved to the album in weapp and downloaded in H5.
 */
export function PosterPanel({ code }: { code: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SaveResult | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    setResult(null);
    downloadPoster(code).then(
      (path) => live && setState({ status: 'ready', path }),
      (e) => live && setState({ status: 'error', error: asAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [code, attempt]);

  const save = async () => {
    if (state.status !== 'ready' || saving) return;
    setSaving(true);
    setSaveError(null);
    try {
      setResult(await savePoster(state.path, code));
    } catch (e) {
      setSaveError(asAppError(e));
    } finally {
      setSaving(false);
    }
  };

  if (state.status === 'loading')
    return (
      <View className="poster-png poster-png--loading" data-testid="poster-loading">
        <Loading text="海报生成中…" />
      </View>
    );
  if (state.status === 'error')
    return (
      <View className="poster-png" data-testid="poster-error">
        <ErrorBanner error={state.error} />
        <View className="btn btn--ghost btn--block mt" onClick={() => setAttempt((n) => n + 1)}>
          重新生成海报
        </View>
      </View>
    );
  return (
    <View className="poster-png" data-testid="poster-panel">
      <Image
        className="poster-png__img"
        src={state.path}
        mode="widthFix"
        showMenuByLongpress
        data-testid="poster-image"
      />
      <View
        className={`btn btn--secondary btn--block mt${saving ? ' btn--disabled' : ''}`}
        onClick={() => void save()}
        data-testid="save-poster"
      >
        {saving ? '保存中…' : isH5() ? '下载海报' : '保存海报到相册'}
      </View>
      {saveError ? <ErrorBanner error={saveError} onClose={() => setSaveError(null)} /> : null}
      {result && RESULT_TEXT[result] ? (
        <Text className="muted form-hint" data-testid="save-result">
          {RESULT_TEXT[result]}
        </Text>
      ) : null}
    </View>
  );
}
