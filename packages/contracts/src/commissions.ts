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
