import type { CartLine } from './cart';
import { KEYS, load, remove, save } from './storage';

/** What the checkout page is about to buy, and the idempotency key its order creation reuses on retry. */
export interface CheckoutDraft {
  source: 'cart' | 'buyNow';
  lines: CartLine[];
  idempotencyKey: string;
  orderId?: string;
  liveId?: string;
}

export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `gs-${Date.now().toString(36)}-${rand()}${rand()}`;
}

export function startCheckout(source: CheckoutDraft['source'], lines: CartLine[]): CheckoutDraft {
  const draft: CheckoutDraft = { source, lines, idempotencyKey: newIdempotencyKey() };
  save(KEYS.checkout, draft);
  return draft;
}

export function checkoutDraft(): CheckoutDraft | null {
  const d = load<CheckoutDraft>(KEYS.checkout);
  return d && Array.isArray(d.lines) && d.lines.length > 0 ? d : null;
}

export function updateCheckoutDraft(patch: Partial<CheckoutDraft>): void {
  const d = checkoutDraft();
  if (d) save(KEYS.checkout, { ...d, ...patch });
}

export function clearCheckout(): void {
  remove(KEYS.checkout);
}

interface StoredLive {
  liveId: string;
  endsAt: string;
}

/** Remember the live a consumer came in through, so orders during it carry `liveId`. */
export function rememberLive(liveId: string, endsAt: string): void {
  save(KEYS.live, { liveId, endsAt } satisfies StoredLive);
}

export function currentLiveId(now = Date.now()): string | null {
  const live = load<StoredLive>(KEYS.live);
  if (!live) return null;
  const ends = Date.parse(live.endsAt);
  if (Number.isFinite(ends) && ends < now) {
    remove(KEYS.live);
    return null;
  }
  return live.liveId;
}
