// A share code is issued by the API and rides both in the card path (?s=CODE) and in a wxacode
// `scene`. Its shape: 14 base62 characters of random id + 8 base62 characters of an HMAC tag,
// 22 characters, well under the 32-character scene limit and inside the wxacode charset.
// Clients can check the shape; only the API (which holds the key) can check the tag.

export const SHARE_CODE_LENGTH = 22;
export const SHARE_CODE_ID_LENGTH = 14;
const SHAPE = /^[0-9A-Za-z]{22}$/;

export function isShareCodeShape(value: unknown): value is string {
  return typeof value === 'string' && SHAPE.test(value);
}

/** The mini-program page each share kind opens. */
export const SHARE_PAGES = {
  product: 'pages/product/index',
  live: 'pages/live/index',
  store: 'pages/index/index',
  poster: 'pages/product/index',
} as const;

/** The card path: a page path with the target and the code in its query. */
export function sharePath(kind: keyof typeof SHARE_PAGES, targetId: string, code: string): string {
  return `/${SHARE_PAGES[kind]}?id=${encodeURIComponent(targetId)}&s=${code}`;
}

/**
 * Reads the share code from a page's query: `s` from a card path, else the wxacode `scene`
 * (WeChat passes it URL-encoded; it is the bare code or `s=CODE`).
 */
export function shareCodeFromQuery(query: Record<string, string | undefined> | undefined): string | null {
  if (!query) return null;
  if (isShareCodeShape(query.s)) return query.s;
  if (typeof query.scene === 'string' && query.scene.length > 0) {
    let scene = query.scene;
    try {
      scene = decodeURIComponent(scene);
    } catch {
      return null;
    }
    const fromPair = /(?:^|&)s=([^&]*)/.exec(scene);
    const candidate = fromPair ? fromPair[1] : scene;
    return isShareCodeShape(candidate) ? candidate : null;
  }
  return null;
}
