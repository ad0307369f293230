import { svgDataUrl } from './qr';

// A handful of line icons (24×24, stroke) as SVG data URLs, so tab bar and buttons need no image files.
const PATHS = {
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  live: 'M3 6h18v13H3zM8 2l4 4 4-4M10 10v5l4-2.5z',
  cart: 'M2 3h3l2.4 11.2a1 1 0 0 0 1 .8h9.2a1 1 0 0 0 1-.8L21 7H6M9 20a1 1 0 1 0 0 .1M18 20a1 1 0 1 0 0 .1',
  user: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zM3.5 21a8.5 8.5 0 0 1 17 0',
  share:
    'M18 8a3 3 0 1 0-3-3M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  order: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6',
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2',
  guide: 'M4 20V9l8-5 8 5v11M9 20v-6h6v6',
  chevron: 'M9 5l7 7-7 7',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4',
} as const;

export type IconName = keyof typeof PATHS;

const cache = new Map<string, string>();

export function iconUrl(name: IconName, color = '#1f2329'): string {
  const key = `${name}|${color}`;
  let url = cache.get(key);
  if (!url) {
    url = svgDataUrl(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="${PATHS[name]}"/></svg>`,
    );
    cache.set(key, url);
  }
  return url;
}
