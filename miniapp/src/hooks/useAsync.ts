import { useCallback, useEffect, useRef, useState } from 'react';
import { messageFor } from '../lib/error-messages';
import { AppError } from '../lib/errors';

export type AsyncState<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: AppError };

export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  // A bug or a platform exception: its text is not for the shopper.
  const error = new AppError('CLIENT_ERROR', messageFor('CLIENT_ERROR', 0).message);
  error.serverMessage = (e as Error)?.message || String(e);
  return error;
}

/**
 * Loads data for a page: loading → ready | error, with `reload()` for retry buttons and refreshes.
 * A slower earlier call never overwrites a newer one, and nothing is set after unmount.
 */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[] = [], { immediate = true } = {}) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const seq = useRef(0);
  const alive = useRef(true);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  const reload = useCallback(async () => {
    const id = ++seq.current;
    setState((s) => ({ status: 'loading', data: s.data }));
    try {
      const data = await fnRef.current();
      if (alive.current && id === seq.current) setState({ status: 'ready', data });
      return data;
    } catch (e) {
      if (alive.current && id === seq.current)
        setState((s) => ({ status: 'error', data: s.data, error: asAppError(e) }));
      return undefined;
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    if (immediate) void reload();
    return () => {
      alive.current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { ...state, reload, setState };
}
