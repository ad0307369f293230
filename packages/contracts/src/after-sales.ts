// After-sales requests (售后: docs/DOMAIN.md "After-sales"): a buyer asks, ops approve (a refund) or reject.
import type { RefundStatus } from './refunds.js';

export type AfterSaleStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'REFUNDED';
export interface CreateAfterSaleRequest {
  lines?: Array<{ lineId: string; quantity: number }>;
  amountFen?: number;
  reason: string;
}
export interface AfterSale {
  id: string;
  orderId: string;
  status: AfterSaleStatus;
  reason: string;
  /** what was asked for: lines, an amount, or neither (everything still refundable) */
  lines: Array<{ lineId: string; quantity: number }>;
  amountFen: number | null;
  /** the amount the request comes to (planned when it was made) */
  requestedFen: number;
  rejectReason: string | null;
  /** the refund created on approval, and its status at WeChat Pay */
  refundId: string | null;
  refundStatus: RefundStatus | null;
  createdAt: string;
  decidedAt: string | null;
  refundedAt: string | null;
}
