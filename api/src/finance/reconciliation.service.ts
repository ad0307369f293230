import { Injectable } from '@nestjs/common';
import type {
  ReconciliationAmountMismatch,
  ReconciliationMissingInBill,
  ReconciliationMissingInLedger,
  ReconciliationReport,
} from '@guideshare/contracts';
import {
  parseTradeBill,
  TradeBillFormatError,
  WechatApiError,
  WechatPayClient,
  type BillEntry,
  type TradeBillEntries as ParsedTradeBill,
} from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { OrdersService } from '../orders/orders.service.js';
import { fromOutTradeNo, toOutTradeNo } from '../payments/out-trade-no.js';
import { PaymentsService, type PaymentView } from '../payments/payments.service.js';
import type { RefundEntity } from '../refunds/refund.entities.js';
import { RefundsService } from '../refunds/refunds.service.js';

const DAY_MS = 86_400_000;

// The report's shape is the contract's (packages/contracts console.ts), shared with the console.
export type MissingInLedger = ReconciliationMissingInLedger;
export type MissingInBill = ReconciliationMissingInBill;
export type AmountMismatch = ReconciliationAmountMismatch;
export type { ReconciliationReport };

/** The bill's day in China time (WeChat Pay's bills are China business days, whatever BUSINESS_TZ is). */
function chinaDay(billDate: string): { from: Date; to: Date } {
  const from = Date.parse(`${billDate}T00:00:00+08:00`);
  if (Number.isNaN(from))
    throw AppError.badRequest('BILL_DATE_INVALID', `billDate must be YYYY-MM-DD, got ${billDate}`);
  return { from: new Date(from), to: new Date(from + DAY_MS) };
}

/** One of our successful payments or refunds of the bill's day; `seenAs` is how the bill matched it. */
interface OursOfTheDay {
  seenAs: string;
  orderId: string;
  transactionId: string | null;
  refundId: string | null;
  outRefundNo: string | null;
  amountFen: number;
  at: Date;
}

/** Counts our side of the day and names each of ours the bill did not list. */
function tallyOurs(
  report: ReconciliationReport,
  type: 'payment' | 'refund',
  ours: OursOfTheDay[],
  seen: Set<string>,
): void {
  const totals = report.totals.ledger;
  for (const { seenAs, at, ...row } of ours) {
    if (type === 'payment') {
      totals.payments++;
      totals.paymentsFen += row.amountFen;
    } else {
      totals.refunds++;
      totals.refundsFen += row.amountFen;
    }
    if (seen.has(seenAs)) continue;
    report.missingInBill.push({ type, ...row, outTradeNo: toOutTradeNo(row.orderId), at: at.toISOString() });
  }
}

@Injectable()
export class ReconciliationService {
  constructor(
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
    private readonly pay: WechatPayClient,
  ) {}

  /** Reconciles a trade bill (CSV text as WeChat Pay delivers it) against our payments and refunds. */
  async reconcileCsv(csv: string, billDateHint?: string): Promise<ReconciliationReport> {
    let bill: ParsedTradeBill;
    try {
      bill = parseTradeBill(csv);
    } catch (e) {
      if (e instanceof TradeBillFormatError) {
        throw AppError.badRequest('TRADE_BILL_MALFORMED', `The trade bill is malformed at ${e.message}`, [
          { field: `line ${e.line}`, message: e.problem },
        ]);
      }
      throw e;
    }
    if (billDateHint && bill.billDate && bill.billDate !== billDateHint) {
      throw AppError.badRequest('TRADE_BILL_MALFORMED', `The bill is for ${bill.billDate}, not ${billDateHint}`);
    }
    const billDate = bill.billDate ?? billDateHint;
    if (!billDate)
      throw AppError.badRequest('BILL_DATE_REQUIRED', 'The bill has no transactions: pass ?billDate=YYYY-MM-DD');
    return this.reconcile(bill, billDate);
  }

  /** Downloads the day's bill from WeChat Pay (signed, SHA1-checked) and reconciles it. */
  async reconcileFromWechat(billDate: string): Promise<ReconciliationReport> {
    chinaDay(billDate);
    let csv: string;
    try {
      csv = await this.pay.tradeBill(billDate, 'ALL');
    } catch (e) {
      // WeChat has no file for a day without transactions: then everything of ours is missing in the bill.
      if (e instanceof WechatApiError && e.errcode === 'NO_STATEMENT_EXIST') {
        return this.reconcile(
          { billDate, entries: [], ignored: [], summary: { totalCount: 0, settlementTotalFen: 0, refundTotalFen: 0 } },
          billDate,
        );
      }
      if (e instanceof WechatApiError)
        throw AppError.upstream('WECHATPAY_REJECTED', `WeChat Pay refused the bill download: ${e.errcode} ${e.errmsg}`);
      throw e;
    }
    return this.reconcileCsv(csv, billDate);
  }

  private async reconcile(bill: ParsedTradeBill, billDate: string): Promise<ReconciliationReport> {
    const { from, to } = chinaDay(billDate);
    const report: ReconciliationReport = {
      billDate,
      matched: 0,
      missingInLedger: [],
      missingInBill: [],
      amountMismatch: [],
      ignored: bill.ignored,
      totals: {
        bill: { payments: 0, paymentsFen: 0, refunds: 0, refundsFen: 0 },
        ledger: { payments: 0, paymentsFen: 0, refunds: 0, refundsFen: 0 },
      },
    };
    const payments = bill.entries.filter((e) => e.kind === 'payment');
    const refundLines = bill.entries.filter((e) => e.kind === 'refund');
    const missing = (
      e: BillEntry,
      reason: MissingInLedger['reason'],
      orderId: string | null,
      ledgerStatus: string | null,
    ): MissingInLedger => ({
      type: e.kind,
      line: e.line,
      reason,
      transactionId: e.transactionId,
      outTradeNo: e.outTradeNo,
      refundId: e.refundId,
      outRefundNo: e.outRefundNo,
      amountFen: e.amountFen,
      tradeTime: e.tradeTime,
      orderId,
      ledgerStatus,
    });

    // ---- payments (the payments module's WeChat facts): by transaction_id, else the order by out_trade_no
    const [recorded, statuses] = await Promise.all([
      this.payments.byTransactionIds(payments.map((p) => p.transactionId)),
      this.orders.statusesOf(
        payments.map((p) => fromOutTradeNo(p.outTradeNo)).filter((id): id is string => id !== null),
      ),
    ]);
    const byTransaction = new Map<string, PaymentView>(recorded.map((p) => [p.transactionId, p]));
    const seenTransactions = new Set<string>();
    for (const p of payments) {
      report.totals.bill.payments++;
      report.totals.bill.paymentsFen += p.amountFen;
      if (seenTransactions.has(p.transactionId)) {
        report.missingInLedger.push(missing(p, 'DUPLICATE', byTransaction.get(p.transactionId)?.orderId ?? null, null));
        continue;
      }
      seenTransactions.add(p.transactionId);
      const ours = byTransaction.get(p.transactionId);
      if (!ours) {
        const sameOrder = fromOutTradeNo(p.outTradeNo) ?? '';
        const status = statuses.get(sameOrder);
        report.missingInLedger.push(
          missing(p, status ? 'NOT_SUCCESSFUL' : 'UNKNOWN', status ? sameOrder : null, status ?? null),
        );
      } else if (ours.amountFen !== p.amountFen) {
        report.amountMismatch.push({
          type: 'payment',
          line: p.line,
          orderId: ours.orderId,
          transactionId: p.transactionId,
          refundId: null,
          outRefundNo: null,
          billFen: p.amountFen,
          ledgerFen: ours.amountFen,
        });
      } else {
        report.matched++;
      }
    }
    const ourPayments = (await this.payments.succeededBetween(from, to)).map((p) => ({
      seenAs: p.transactionId,
      orderId: p.orderId,
      transactionId: p.transactionId,
      refundId: null,
      outRefundNo: null,
      amountFen: p.amountFen,
      at: p.successTime,
    }));
    tallyOurs(report, 'payment', ourPayments, seenTransactions);

    // ---- refunds: by refund_id, else by out_refund_no
    const ours = await this.refunds.findOnline(
      refundLines.map((r) => r.refundId).filter((id): id is string => id !== null),
      refundLines.map((r) => r.outRefundNo).filter((no): no is string => no !== null),
    );
    const byRefundId = new Map<string, RefundEntity>();
    const byOutRefundNo = new Map<string, RefundEntity>();
    for (const r of ours) {
      if (r.wechatRefundId) byRefundId.set(r.wechatRefundId, r);
      if (r.outRefundNo) byOutRefundNo.set(r.outRefundNo, r);
    }
    const seenRefunds = new Set<string>();
    for (const line of refundLines) {
      report.totals.bill.refunds++;
      report.totals.bill.refundsFen += line.amountFen;
      const refund =
        (line.refundId ? byRefundId.get(line.refundId) : undefined) ??
        (line.outRefundNo ? byOutRefundNo.get(line.outRefundNo) : undefined);
      if (refund && seenRefunds.has(refund.id)) {
        report.missingInLedger.push(missing(line, 'DUPLICATE', refund.orderId, refund.status));
        continue;
      }
      if (refund) seenRefunds.add(refund.id);
      if (!refund) report.missingInLedger.push(missing(line, 'UNKNOWN', null, null));
      else if (refund.status !== 'SUCCESS')
        report.missingInLedger.push(missing(line, 'NOT_SUCCESSFUL', refund.orderId, refund.status));
      else if (refund.amountFen !== line.amountFen) {
        report.amountMismatch.push({
          type: 'refund',
          line: line.line,
          orderId: refund.orderId,
          transactionId: line.transactionId,
          refundId: line.refundId,
          outRefundNo: line.outRefundNo,
          billFen: line.amountFen,
          ledgerFen: refund.amountFen,
        });
      } else report.matched++;
    }
    const ourRefunds = (await this.refunds.succeededOnlineBetween(from, to)).map((r) => ({
      seenAs: r.id,
      orderId: r.orderId,
      transactionId: null,
      refundId: r.wechatRefundId,
      outRefundNo: r.outRefundNo,
      amountFen: r.amountFen,
      at: r.completedAt!,
    }));
    tallyOurs(report, 'refund', ourRefunds, seenRefunds);
    return report;
  }
}
