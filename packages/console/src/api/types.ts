// Response shapes the console reads, beyond those in @guideshare/contracts (docs/DOMAIN.md and the controllers).
export type {
  Category,
  Guide,
  Order,
  OrderLine,
  Attribution,
  Policy,
  Product,
  Sku,
  Store,
} from '@guideshare/contracts';

export interface Ratio {
  numerator: number;
  denominator: number;
  bps: number | null;
}

export interface Figures {
  shares: number;
  visits: number;
  visitors: number;
  newMembers: number;
  buyers: number;
  orders: number;
  onlineOrders: number;
  storeOrders: number;
  onlineGmvFen: number;
  storeGmvFen: number;
  gmvFen: number;
  refundedFen: number;
  commissionFen: number;
  gmvFenByRule: Record<'share' | 'live_share' | 'service_guide', number>;
}

export interface PrivateDomainShare {
  onlineGmvFen: number;
  storeGmvFen: number;
  creditedGmvFen: number;
  totalGmvFen: number;
  share: Ratio;
}

export interface SharerVsServer {
  shareGmvFen: number;
  serviceGmvFen: number;
  shareOrders: number;
  serviceOrders: number;
  shareOfCredit: Ratio;
}

export interface GuideReport {
  from: string;
  to: string;
  guides: Array<
    Figures & { guideId: string; name: string; storeId: string; status: string; sharerVsServer: SharerVsServer }
  >;
  stores: Array<Figures & { storeId: string; name: string; privateDomain: PrivateDomainShare }>;
  brand: Figures & {
    privateDomain: PrivateDomainShare;
    registrations: number;
    days: Array<Figures & { date: string; privateDomain: PrivateDomainShare }>;
  };
}

export interface Statement {
  guideId: string;
  storeId: string | null;
  openingFen: number;
  accruedFen: number;
  reversedFen: number;
  adjustedFen: number;
  closingFen: number;
  entryCount?: number;
}

export interface Settlement {
  id?: string;
  period: string;
  totalFen: number;
  entriesFen?: number;
  openingFen?: number;
  carriedForwardFen?: number;
  entryCount?: number;
  cutoffAt?: string;
  closedAt?: string;
  statements?: Statement[];
}

export interface MissingInLedger {
  type: 'payment' | 'refund';
  line: number;
  reason: 'UNKNOWN' | 'NOT_SUCCESSFUL' | 'DUPLICATE';
  transactionId: string;
  outTradeNo: string;
  outRefundNo: string | null;
  amountFen: number;
  tradeTime: string;
  orderId: string | null;
}

export interface MissingInBill {
  type: 'payment' | 'refund';
  orderId: string;
  transactionId: string | null;
  outTradeNo: string;
  outRefundNo: string | null;
  amountFen: number;
  at: string;
}

export interface AmountMismatch {
  type: 'payment' | 'refund';
  line: number;
  orderId: string;
  transactionId: string;
  outRefundNo: string | null;
  billFen: number;
  ledgerFen: number;
}

export interface Reconciliation {
  id?: string;
  billDate: string;
  matched: number;
  missingInLedger: MissingInLedger[];
  missingInBill: MissingInBill[];
  amountMismatch: AmountMismatch[];
  createdAt?: string;
  totals?: {
    bill: { payments: number; paymentsFen: number; refunds: number; refundsFen: number };
    ledger: { payments: number; paymentsFen: number; refunds: number; refundsFen: number };
  };
}

export interface BindingChange {
  id: string;
  kind: 'reassign' | 'handover';
  fromGuideId: string | null;
  toGuideId: string | null;
  fromStoreId: string | null;
  toStoreId: string | null;
  reason: string;
  createdAt: string;
}

export interface MemberDetail {
  id: string;
  openid: string;
  registeredAt: string | null;
  openingGuideId: string | null;
  serviceGuideId: string | null;
  serviceStoreId: string | null;
  boundAt: string | null;
  createdAt: string;
  bindingHistory: BindingChange[];
}

export interface Live {
  id: string;
  title: string;
  storeId: string;
  startsAt: string;
  endsAt: string;
}

export interface StaffAccount {
  id: string;
  username: string;
  role: string;
  storeId?: string | null;
  createdAt?: string;
}

export interface StoreKey {
  id: string;
  storeId: string;
  key?: string;
  keyPrefix?: string;
  createdAt?: string;
  revokedAt?: string | null;
}
