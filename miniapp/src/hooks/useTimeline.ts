import { useRef } from 'react';
import { useShareTimeline } from '@tarojs/taro';
import { currentShareCode, type Query } from '../lib/entry';

/** `id=…&s=CODE`: a Moments share carries only a query (no path); the code keeps crediting the guide. */
export function timelineQuery(params: Query, openedWith: string | null): string {
  const code = openedWith ?? currentShareCode();
  const query: Query = { ...params };
  delete query.scene;
  delete query.s;
  if (code) query.s = code;
  return Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`)
    .join('&');
}

/**
 * Sharing the page to Moments (朋友圈; the page config needs `enableShareTimeline: true`). It opens
 * in single-page mode (scene 1154) with this query; `content` is read when the user shares.
 */
export function useTimelineShare(
  params: () => Query,
  openedWith: string | null,
  content: () => { title: string; imageUrl?: string },
) {
  const ref = useRef({ params, content });
  ref.current = { params, content };
  useShareTimeline(() => {
    const { title, imageUrl } = ref.current.content();
    return { title, query: timelineQuery(ref.current.params(), openedWith), ...(imageUrl ? { imageUrl } : {}) };
  });
}
