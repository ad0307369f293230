// Platform facts, read at call time so tests can switch platforms.

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}

/** Prefix for API paths: '' in H5 (same origin as the API), an absolute URL in weapp. */
export function apiBase(): string {
  const base = typeof API_BASE === 'string' ? API_BASE : '';
  return base.replace(/\/+$/, '');
}

/** Origin + path of the H5 storefront, for links and QR codes that a phone camera can open. */
export function h5BaseUrl(): string {
  if (isH5() && typeof window !== 'undefined' && window.location) {
    return `${window.location.origin}${window.location.pathname}`;
  }
  const origin = typeof H5_ORIGIN === 'string' ? H5_ORIGIN : '';
  return `${origin.replace(/\/+$/, '')}/`;
}

/** The H5 link of a mini-program page path such as `/pages/product/index?id=1&s=CODE`. */
export function h5Link(pagePath: string): string {
  const path = pagePath.startsWith('/') ? pagePath : `/${pagePath}`;
  return `${h5BaseUrl()}#${path}`;
}
