import { formatFen, parseYuanToFen, type Order } from '@guideshare/contracts';

export { formatFen, parseYuanToFen };

/** "¥1,234.50" for tables and statistics (integer fen in, no floating point). */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '-';
  const s = formatFen(fen);
  const negative = s.startsWith('-');
  const [int, dec] = (negative ? s.slice(1) : s).split('.');
  return `${negative ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** A yuan amount typed into a form ("12.5") as fen, or null when it is not an amount. */
export function toFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined || input === '') return null;
  try {
    return parseYuanToFen(String(input));
  } catch {
    return null;
  }
}

/** Basis points as a percentage: 1234 → "12.34%". */
export function percent(bps: number | null | undefined): string {
  if (bps === null || bps === undefined) return '-';
  const sign = bps < 0 ? '-' : '';
  const abs = Math.abs(bps);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** An instant in Beijing time, "2026-11-30 15:04". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '-';
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export const ROLE_LABEL: Record<string, string> = {
  admin: '运营管理员',
  finance: '财务',
  clerk: '门店店员',
};

export const ORDER_STATUS: Record<
  string,
  { text: string; status: 'default' | 'processing' | 'success' | 'warning' | 'error' }
> = {
  PENDING_PAYMENT: { text: '待支付', status: 'default' },
  PAID: { text: '已支付', status: 'processing' },
  PARTIALLY_REFUNDED: { text: '部分退款', status: 'warning' },
  REFUNDED: { text: '已退款', status: 'error' },
  CANCELLED: { text: '已取消', status: 'default' },
};

export const CHANNEL: Record<string, string> = { online: '线上商城', store: '门店' };

export const RULE: Record<string, string> = {
  share: '导购分享',
  live_share: '直播分享',
  service_guide: '专属导购',
  store: '门店归属',
  none: '无归属',
  manual: '人工调整',
};

export const ENTRY_KIND: Record<string, string> = { accrual: '计提', reversal: '冲回', adjustment: '调整' };

export const FULFILMENT_STATUS: Record<string, string> = {
  PENDING: '待发货',
  SHIPPED: '已发货',
  READY_FOR_PICKUP: '待自提',
  FULFILLED: '已完成',
};

/** The number people quote for an order: its order number online, its receipt at a counter. */
export function orderNumber(o: Pick<Order, 'id' | 'orderNo' | 'receiptNo'>): string {
  return o.orderNo ?? (o.receiptNo ? `小票 ${o.receiptNo}` : `${o.id.slice(0, 8)}…`);
}
