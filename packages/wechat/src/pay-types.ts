// WeChat Pay v3 wire types, field names exactly as on the wire (snake_case). Amounts are integer fen.

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface JsapiPrepayRequest {
  appid: string;
  /** Filled in by the client from its own mchid when omitted. */
  mchid?: string;
  description: string;
  out_trade_no: string;
  notify_url: string;
  amount: { total: number; currency?: 'CNY' };
  payer: { openid: string };
  /** RFC 3339, e.g. 2024-05-01T12:00:00+08:00 */
  time_expire?: string;
  attach?: string;
  goods_tag?: string;
}

/** Query result and the decrypted TRANSACTION.SUCCESS resource. */
export interface Transaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount?: { total: number; payer_total?: number; currency: string; payer_currency?: string };
}

export type CreateRefundRequest = (
  { out_trade_no: string; transaction_id?: never } | { transaction_id: string; out_trade_no?: never }
) & {
  out_refund_no: string;
  reason?: string;
  notify_url?: string;
  amount: { refund: number; total: number; currency: 'CNY' };
};

export interface Refund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel: string;
  user_received_account: string;
  success_time?: string;
  create_time: string;
  status: RefundStatus;
  funds_account?: string;
  amount: {
    total: number;
    refund: number;
    payer_total: number;
    payer_refund: number;
    settlement_refund: number;
    settlement_total: number;
    discount_refund: number;
    currency: string;
    refund_fee?: number;
  };
}

/** Decrypted REFUND.* resource: note `refund_status`, not `status`. */
export interface RefundNotificationResource {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: RefundStatus;
  success_time?: string;
  user_received_account: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

export interface TradeBillLink {
  hash_type: 'SHA1';
  hash_value: string;
  download_url: string;
}
