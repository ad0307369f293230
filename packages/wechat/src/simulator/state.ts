import type { RefundStatus, TradeState } from '../pay-types.js';

export interface SimTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  notify_url: string;
  attach?: string;
  time_expire?: string;
  total: number;
  openid: string;
  prepay_id: string;
  trade_state: TradeState;
  transaction_id?: string;
  /** epoch ms */
  successAt?: number;
  createdAt: number;
  /** Canonical JSON of the prepay request: a repeat must match it to get the same prepay_id. */
  fingerprint: string;
}

export interface SimRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  transaction_id: string;
  refund: number;
  total: number;
  reason?: string;
  notify_url?: string;
  status: RefundStatus;
  createdAt: number;
  successAt?: number;
}

export interface SimNotificationRecord {
  url: string;
  eventType: string;
  /** HTTP status of the notify endpoint; 0 when it could not be reached. */
  status: number;
  error?: string;
  at: number;
}

export interface SimExternalContact {
  external_userid: string;
  name: string;
  type: 1 | 2;
  avatar?: string;
  gender?: number;
  unionid?: string;
  corp_name?: string;
  follow_user: Array<{
    userid: string;
    remark: string;
    description: string;
    createtime: number;
    state?: string;
    add_way: number;
    oper_userid: string;
    tags: unknown[];
  }>;
}

export interface SimFollower {
  openid: string;
  unionid?: string;
  subscribeTime: number;
}

/** Everything the simulator remembers; exposed as `sim.state` for assertions. */
export interface SimState {
  transactions: Map<string, SimTransaction>;
  refunds: Map<string, SimRefund>;
  /** Prepay orders actually created (repeats of an out_trade_no not counted). */
  prepayRequests: number;
  /** Refunds actually created (repeats of an out_refund_no not counted): the double-refund detector. */
  refundRequests: number;
  notifications: SimNotificationRecord[];
  usedPhoneCodes: Set<string>;
  usedLoginCodes: Set<string>;
  accessTokens: Map<string, { kind: 'mp' | 'wecom'; expiresAt: number }>;
  /** How many tokens each kind of client fetched (token caching tests). */
  tokenRequests: { mp: number; wecom: number };
  /** The mini-program's stable_token while it is valid (every caller gets the same one). */
  stableToken: string | null;
  /** Every wxa/getwxacodeunlimit call that produced a code, in order (fetched-once tests). */
  wxacodeRequests: Array<{ scene: string; page: string; width: number }>;
  externalContacts: Map<string, SimExternalContact>;
  followers: Map<string, SimFollower>;
  billDownloads: Map<string, { bytes: Buffer; expiresAt: number }>;
}

export function createSimState(): SimState {
  return {
    transactions: new Map(),
    refunds: new Map(),
    prepayRequests: 0,
    refundRequests: 0,
    notifications: [],
    usedPhoneCodes: new Set(),
    usedLoginCodes: new Set(),
    accessTokens: new Map(),
    tokenRequests: { mp: 0, wecom: 0 },
    stableToken: null,
    wxacodeRequests: [],
    externalContacts: new Map(),
    followers: new Map(),
    billDownloads: new Map(),
  };
}
