import type { LedgerEntryKind, OrderStatus } from '@guideshare/contracts';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: '待支付',
  PAID: '已支付',
  PARTIALLY_REFUNDED: '部分退款',
  REFUNDED: '已退款',
  CANCELLED: '已取消',
};

/** Badge tone per status, a CSS modifier. */
export const ORDER_STATUS_TONES: Record<OrderStatus, 'warn' | 'ok' | 'muted' | 'info'> = {
  PENDING_PAYMENT: 'warn',
  PAID: 'ok',
  PARTIALLY_REFUNDED: 'info',
  REFUNDED: 'muted',
  CANCELLED: 'muted',
};

export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status as OrderStatus] ?? status;
}

export function orderStatusTone(status: string): string {
  return ORDER_STATUS_TONES[status as OrderStatus] ?? 'muted';
}

export const ENTRY_KIND_LABELS: Record<LedgerEntryKind, string> = {
  accrual: '佣金',
  reversal: '退款冲回',
  adjustment: '调整',
};

export function entryKindLabel(kind: string): string {
  return ENTRY_KIND_LABELS[kind as LedgerEntryKind] ?? kind;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "2025-03-08 14:05" in the device's time zone (China for the audience of this app). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type LivePhase = 'upcoming' | 'live' | 'ended';

export function livePhase(live: { startsAt: string; endsAt: string }, now = Date.now()): LivePhase {
  const start = Date.parse(live.startsAt);
  const end = Date.parse(live.endsAt);
  if (Number.isFinite(end) && now > end) return 'ended';
  if (Number.isFinite(start) && now < start) return 'upcoming';
  return 'live';
}

export const LIVE_PHASE_LABELS: Record<LivePhase, string> = {
  upcoming: '即将开播',
  live: '直播中',
  ended: '已结束',
};

/** The short form of an id shown to people ("…a1b2c3"). */
export function shortId(id: string | null | undefined, n = 8): string {
  if (!id) return '';
  return id.length > n ? id.slice(-n).toUpperCase() : id.toUpperCase();
}
