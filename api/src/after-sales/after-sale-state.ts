import type { AfterSaleStatus } from '@guideshare/contracts';

/**
 * The after-sales state machine as data; every move is `UPDATE … WHERE status IN (sources)`.
 * APPROVED → REQUESTED: the refund could not be made (e.g. WeChat Pay refused it), so the request
 * waits for a new decision.
 */
export const AFTER_SALE_TRANSITIONS: Readonly<Record<AfterSaleStatus, readonly AfterSaleStatus[]>> = {
  REQUESTED: ['APPROVED', 'REJECTED'],
  APPROVED: ['REFUNDED', 'REQUESTED'],
  REJECTED: [],
  REFUNDED: [],
};

export function afterSaleSourcesOf(to: AfterSaleStatus): AfterSaleStatus[] {
  return (Object.keys(AFTER_SALE_TRANSITIONS) as AfterSaleStatus[]).filter((from) =>
    AFTER_SALE_TRANSITIONS[from].includes(to),
  );
}
