import { useRef } from 'react';
import { useLoad, useRouter, useShareAppMessage } from '@tarojs/taro';
import { currentShareCode, entryShareCode, handleEntry, reSharePath, type Query } from '../lib/entry';

/**
 * Share-card entry for a page: reads `s` / `scene` from the page query on load, remembers the code
 * for checkout and records the visit. Returns the page params and the code in effect.
 */
export function useEntry(page: string) {
  const router = useRouter();
  const params = (router?.params ?? {}) as Query;
  const openedWith = entryShareCode(params);
  useLoad(() => {
    // fire and forget: a failed visit never blocks the page (handleEntry never rejects)
    void handleEntry(page, params);
  });
  return { params, openedWith, shareCode: openedWith ?? currentShareCode() };
}

/**
 * A consumer's re-share (menu or share button): same page and target, and the guide's code stays in
 * the path. `content` is read when the user shares, so it can depend on loaded data.
 */
export function useReShare(
  page: string,
  params: Query,
  openedWith: string | null,
  content: () => { title: string; imageUrl?: string },
) {
  const ref = useRef(content);
  ref.current = content;
  useShareAppMessage(() => {
    const { title, imageUrl } = ref.current();
    return { title, path: reSharePath(page, params, openedWith), ...(imageUrl ? { imageUrl } : {}) };
  });
}
