import type { AfterSale, AfterSaleStatus, Fulfilment, FulfilmentStatus, Order, OrderLine } from '@guideshare/contracts';

export const FULFILMENT_STATUS_LABELS: Record<FulfilmentStatus, string> = {
  PENDING: '待发货',
  SHIPPED: '已发货',
  READY_FOR_PICKUP: '待自提',
  FULFILLED: '已完成',
};

export interface Step {
  key: string;
  label: string;
  state: 'done' | 'current' | 'todo';
  at?: string;
}

/** The order's way into the buyer's hands: 待发货 → 已发货 → 已完成, or 待自提 → 已完成. */
export function fulfilmentSteps(f: Fulfilment): Step[] {
  const order: FulfilmentStatus[] =
    f.type === 'pickup' ? ['READY_FOR_PICKUP', 'FULFILLED'] : ['PENDING', 'SHIPPED', 'FULFILLED'];
  // An unpaid pickup order is still PENDING: nothing to collect yet, the first step is ahead.
  const at = order.indexOf(f.status);
  const times: Partial<Record<FulfilmentStatus, string | undefined>> = {
    SHIPPED: f.shippedAt,
    FULFILLED: f.fulfilledAt,
  };
  return order.map((status, i) => ({
    key: status,
    label: FULFILMENT_STATUS_LABELS[status],
    state: at < 0 ? 'todo' : i < at ? 'done' : i === at ? (status === 'FULFILLED' ? 'done' : 'current') : 'todo',
    at: times[status],
  }));
}

const STAGE_HINTS: Record<string, string> = {
  'delivery:PENDING': '支付成功，商家正在为您备货',
  'delivery:SHIPPED': '商品已发出，请留意物流信息，收到后记得确认收货',
  'pickup:PENDING': '商家正在为您备货',
  'pickup:READY_FOR_PICKUP': '商品已备好，请凭提货码到所选门店自提',
  'delivery:FULFILLED': '订单已完成，感谢您的购买',
  'pickup:FULFILLED': '已在门店提货，订单完成，感谢您的光临',
};

/** The headline and hint of a paid online order, by its fulfilment. */
export function fulfilmentStage(f: Fulfilment): { label: string; hint: string } {
  const label = f.type === 'pickup' && f.status === 'PENDING' ? '待自提' : FULFILMENT_STATUS_LABELS[f.status];
  return { label, hint: STAGE_HINTS[`${f.type}:${f.status}`] ?? '' };
}

/** Where an online order is, in one phrase, for the order list ('' when it has no fulfilment yet). */
export function fulfilmentLabel(o: Pick<Order, 'status' | 'fulfilment'>): string {
  const f = o.fulfilment;
  if (!f || o.status === 'PENDING_PAYMENT' || o.status === 'CANCELLED' || o.status === 'REFUNDED') return '';
  return f.type === 'pickup' && f.status === 'PENDING' ? '待自提' : FULFILMENT_STATUS_LABELS[f.status];
}

export const AFTER_SALE_LABELS: Record<AfterSaleStatus, string> = {
  REQUESTED: '审核中',
  APPROVED: '已同意，退款中',
  REJECTED: '未通过',
  REFUNDED: '已退款',
};

export const AFTER_SALE_TONES: Record<AfterSaleStatus, 'warn' | 'ok' | 'muted' | 'info'> = {
  REQUESTED: 'warn',
  APPROVED: 'info',
  REJECTED: 'muted',
  REFUNDED: 'ok',
};

/** A request still being handled: no second one until it is decided. */
export function hasOpenAfterSale(list: AfterSale[]): boolean {
  return list.some((a) => a.status === 'REQUESTED' || a.status === 'APPROVED');
}

/** Paid online orders with money left to refund can ask for after-sales. */
export function canRequestAfterSale(o: Order): boolean {
  if (o.channel !== 'online') return false;
  return o.status === 'PAID' || o.status === 'PARTIALLY_REFUNDED';
}

/** Quantity of a line that can still be asked back. */
export function refundableQuantity(line: Pick<OrderLine, 'quantity' | 'refundedQuantity'>): number {
  return Math.max(0, line.quantity - line.refundedQuantity);
}

export const AFTER_SALE_REASONS = [
  '不想要了',
  '商品有质量问题',
  '尺码/规格不合适',
  '发错货或少发',
  '其他原因',
] as const;
