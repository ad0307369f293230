// The finance console's request and response types (settlements, reconciliation, adjustments),
// split from console.ts; shared by api/, packages/console and the tests.
/** One guide's statement of a month: opening + accrued − reversed + adjusted = closing. */
export interface SettlementStatement {
  guideId: string;
  storeId: string | null;
  openingFen: number;
  accruedFen: number;
  /** Positive: the sum of the guide's reversal entries, negated. */
  reversedFen: number;
  /** Signed sum of adjustments. */
  adjustedFen: number;
  closingFen: number;
  /** max(closingFen, 0): paid out for this period. */
  payableFen: number;
  /** min(closingFen, 0): owed back, carried to the next period's opening balance. */
  carriedForwardFen: number;
  entryCount: number;
}

export interface Settlement {
  id: string;
  period: string;
  totalFen: number;
  entriesFen: number;
  openingFen: number;
  carriedForwardFen: number;
  entryCount: number;
  cutoffAt: string;
  closedAt: string;
  statements?: SettlementStatement[];
}

/** The close of `period` computed now, writing nothing: what `POST /api/finance/settlements` would do. */
export type SettlementPreview = Omit<Settlement, 'id' | 'closedAt' | 'statements'> & {
  statements: SettlementStatement[];
};

export interface ReconciliationMissingInLedger {
  type: 'payment' | 'refund';
  line: number;
  reason: 'UNKNOWN' | 'NOT_SUCCESSFUL' | 'DUPLICATE';
  transactionId: string;
  outTradeNo: string;
  refundId: string | null;
  outRefundNo: string | null;
  amountFen: number;
  tradeTime: string;
  orderId: string | null;
  ledgerStatus: string | null;
}

export interface ReconciliationMissingInBill {
  type: 'payment' | 'refund';
  orderId: string;
  transactionId: string | null;
  outTradeNo: string;
  refundId: string | null;
  outRefundNo: string | null;
  amountFen: number;
  at: string;
}

export interface ReconciliationAmountMismatch {
  type: 'payment' | 'refund';
  line: number;
  orderId: string;
  transactionId: string;
  refundId: string | null;
  outRefundNo: string | null;
  billFen: number;
  ledgerFen: number;
}

export interface ReconciliationTotals {
  payments: number;
  paymentsFen: number;
  refunds: number;
  refundsFen: number;
}

export interface ReconciliationReport {
  billDate: string;
  matched: number;
  missingInLedger: ReconciliationMissingInLedger[];
  missingInBill: ReconciliationMissingInBill[];
  amountMismatch: ReconciliationAmountMismatch[];
  ignored: Array<{ line: number; tradeState: string }>;
  totals: { bill: ReconciliationTotals; ledger: ReconciliationTotals };
}

/** A stored reconciliation run: `POST /api/finance/reconciliations` answers with one. */
export interface ReconciliationRun extends ReconciliationReport {
  id: string;
  source: 'upload' | 'wechat';
  createdBy: string | null;
  createdAt: string;
}

export interface ReconciliationRunSummary {
  id: string;
  billDate: string;
  source: 'upload' | 'wechat';
  matched: number;
  missingInLedgerCount: number;
  missingInBillCount: number;
  amountMismatchCount: number;
  createdBy: string | null;
  createdAt: string;
}

export interface Adjustment {
  id: string;
  guideId: string;
  storeId: string | null;
  orderId: string | null;
  kind: 'adjustment';
  /** Signed fen, never 0. */
  amountFen: number;
  reason: string;
  availableAt: string;
  settlementId: string | null;
  createdAt: string;
}

export interface CreateAdjustmentRequest {
  guideId: string;
  amountFen: number;
  reason: string;
  orderId?: string;
}
