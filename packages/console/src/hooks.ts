import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { api, ApiError, errorText } from './api/client';
import type { Guide, GuideReportResponse, Store } from './api/types';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
}

/** Loads once (and on reload); an error is kept for the page to show, in Chinese. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loader.current());
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', errorText(e)));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, loading, error, reload };
}

export function useStores() {
  return useLoad(() => api<Store[]>('/stores'));
}

export function useGuides(storeId?: string) {
  return useLoad(() => api<Guide[]>('/admin/guides', { query: { storeId } }), [storeId]);
}

/** Runs an action with a success toast or the Chinese error; returns whether it succeeded. */
export function useAction() {
  const { message } = App.useApp();
  return useCallback(
    async <T>(work: () => Promise<T>, success?: string): Promise<T | undefined> => {
      try {
        const result = await work();
        if (success) void message.success(success);
        return result;
      } catch (e) {
        void message.error(errorText(e));
        return undefined;
      }
    },
    [message],
  );
}

/**
 * Guide id → name for any console role: admins read the guide list (GET /admin/guides, admin only),
 * finance the guide report, whose rows cover every guide of the brand.
 */
export function useGuideNames(role: string | undefined) {
  return useLoad(async () => {
    const rows =
      role === 'admin'
        ? await api<Guide[]>('/admin/guides')
        : (await api<GuideReportResponse>('/reports/guides')).guides.map((g) => ({ id: g.guideId, name: g.name }));
    return new Map(rows.map((g) => [g.id, g.name]));
  }, [role]);
}
