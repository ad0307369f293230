// The console reads every API response as its type in @guideshare/contracts (the API builds it with the
// same type): this file re-exports those the pages use, and adds only the console's own row shapes.
import type { StoreKeySummary } from '@guideshare/contracts';

export type {
  AdminMember,
  Attribution,
  BindingChange,
  Category,
  Figures,
  Guide,
  GuideReportResponse,
  IssuedStoreKey,
  Live,
  Order,
  OrderLine,
  Policy,
  PrivateDomainShare,
  Product,
  Ratio,
  ReconciliationAmountMismatch,
  ReconciliationMissingInBill,
  ReconciliationMissingInLedger,
  ReconciliationReport,
  ReconciliationRun,
  ReconciliationRunSummary,
  Settlement,
  SettlementPreview,
  SettlementStatement,
  SharerVsServer,
  Sku,
  StaffAccount,
  Store,
} from '@guideshare/contracts';

/** A row of a store's counter keys: as listed, with the secret's prefix when it was issued in this session. */
export interface StoreKey extends StoreKeySummary {
  keyPrefix?: string;
}
