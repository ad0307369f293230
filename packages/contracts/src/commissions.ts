// A guide's commission ledger as the workbench reads it.
export type LedgerEntryKind = 'accrual' | 'reversal' | 'adjustment';

export interface CommissionEntry {
  id: string;
  orderId: string | null;
  /** The order's short number as its buyer sees it (null for entries without an order). */
  orderNo?: string | null;
  /** The product of the order line the entry is for (null for order-wide or manual entries). */
  productName?: string | null;
  kind: LedgerEntryKind;
  amountFen: number;
  rateBps: number | null;
  availableAt: string;
  settlementId: string | null;
}
export interface CommissionsResponse {
  entries: CommissionEntry[];
  pendingFen: number;
  availableFen: number;
  settledFen: number;
}

/** `GET /api/guides/me/products/commission`: what sharing each product on sale would earn the guide. */
export interface ProductCommission {
  productId: string;
  /** the share rate: the product's, else its category's, else the policy default */
  rateBps: number;
  /** the commission on one unit of its cheapest and dearest SKU, in fen */
  minCommissionFen: number;
  maxCommissionFen: number;
}
