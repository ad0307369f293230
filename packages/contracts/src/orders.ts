// Orders, payment, fulfilment and after-sales (docs/DOMAIN.md "Orders", Additions "Fulfilment", "After-sales").
import type { Attribution } from './attribution.js';

/**
 * Every order status (api/src/orders/order-state.ts moves between them). There is no "completed": delivery
 * and pickup end in the fulfilment record (`Fulfilment.status` FULFILLED), not in the order's status.
 */
export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type OrderChannel = 'online' | 'store';

export interface OrderLineInput {
  skuId: string;
  quantity: number;
}
export interface CreateOrderRequest {
  lines: OrderLineInput[];
  shareCode?: string;
  liveId?: string;
  /** online orders: delivery to an address or pickup at a store; absent = delivery decided later (legacy) */
  fulfilment?: FulfilmentRequest;
}
export interface OrderLine {
  id: string;
  /** null on an amount-only counter receipt */
  skuId: string | null;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  refundedQuantity: number;
  refundedFen: number;
}

export interface Order {
  id: string;
  status: OrderStatus;
  channel: OrderChannel;
  storeId: string | null;
  memberId: string | null;
  totalFen: number;
  paidFen: number;
  refundedFen: number;
  /** the counter's receipt number (counter sales); null online */
  receiptNo: string | null;
  liveId: string | null;
  lines: OrderLine[];
  attribution: Attribution;
  createdAt: string;
  paidAt: string | null;
  /** short number to read out or copy (e.g. 26113012345678); null on orders from before it existed */
  orderNo: string | null;
  /** online orders with a fulfilment choice; null for counter sales */
  fulfilment: Fulfilment | null;
}
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}
/** `POST /api/orders/:id/payment`: the `wx.requestPayment` parameters and the order's WeChat Pay out_trade_no. */
export interface PaymentResponse extends RequestPaymentParams {
  outTradeNo: string;
}

// ---- Fulfilment (docs/DOMAIN.md Additions "Fulfilment") ----
export type FulfilmentType = 'delivery' | 'pickup';
export type FulfilmentStatus = 'PENDING' | 'SHIPPED' | 'READY_FOR_PICKUP' | 'FULFILLED';
/** A delivery address as WeChat's `wx.chooseAddress` gives it (userName, telNumber, provinceName…). */
export interface DeliveryAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}
export type FulfilmentRequest = { type: 'delivery'; address: DeliveryAddress } | { type: 'pickup'; storeId: string };
export interface Fulfilment {
  type: FulfilmentType;
  status: FulfilmentStatus;
  /** delivery only; null once the member deleted their account */
  address?: DeliveryAddress | null;
  /** pickup only: the chosen store */
  storeId?: string;
  /** pickup only, shown to the buyer alone and only once the order is paid */
  pickupCode?: string;
  carrier?: string;
  trackingNo?: string;
  shippedAt?: string;
  fulfilledAt?: string;
}
export interface ShipmentRequest {
  carrier: string;
  trackingNo: string;
}
export interface PickupRequest {
  pickupCode: string;
}
