import type { RefundNotificationResource, Transaction } from '@guideshare/wechat';
import type { PaymentsService } from '../payments/payments.service.js';
import type { AutomaticRefunds } from '../refunds/automatic-refunds.service.js';
import type { RefundNotifications } from '../refunds/refund-notify.service.js';

export type NotifyHandler = (resource: Record<string, unknown>) => Promise<void>;

/**
 * Every WeChat Pay notification we act on, by `event_type`, and the handler that takes it. Any
 * other event type is logged and acknowledged (WeChat Pay would otherwise retry it for a day).
 * A payment for a cancelled order whose stock is gone is refunded in full by `automatic`, inside
 * the payment's transaction.
 */
export function notifyDispatch(
  payments: PaymentsService,
  refunds: RefundNotifications,
  automatic: AutomaticRefunds,
): Readonly<Record<string, NotifyHandler>> {
  const refund = (r: Record<string, unknown>) => r as unknown as RefundNotificationResource;
  return {
    'TRANSACTION.SUCCESS': (r) =>
      payments.onTransactionSuccess(r as unknown as Transaction, (em, orderId, at) =>
        automatic.refundUnsellablePayment(em, orderId, at),
      ),
    'REFUND.SUCCESS': (r) => refunds.onNotify(refund(r), 'SUCCESS'),
    'REFUND.CLOSED': (r) => refunds.onNotify(refund(r), 'CLOSED'),
    'REFUND.ABNORMAL': (r) => refunds.onNotify(refund(r), 'ABNORMAL'),
  };
}
