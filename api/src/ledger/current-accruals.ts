import { EntityManager, In } from 'typeorm';
import { LedgerEntryEntity } from './ledger-entry.entity.js';

/**
 * Per order line, the accrual that holds the line's credit now: the latest accrual of the line. A
 * line's first accrual is written when the order is paid (`accrual:<lineId>`); an attribution
 * correction appends a new one for the new guide, which then takes every later reversal.
 */
export async function currentAccruals(
  em: EntityManager,
  orderId: string,
  lineIds: string[],
): Promise<Map<string, LedgerEntryEntity>> {
  if (!lineIds.length) return new Map();
  const accruals = await em
    .getRepository(LedgerEntryEntity)
    .find({ where: { orderId, orderLineId: In(lineIds), kind: 'accrual' }, order: { createdAt: 'ASC', id: 'ASC' } });
  const byLine = new Map<string, LedgerEntryEntity>();
  for (const a of accruals) byLine.set(a.orderLineId!, a);
  return byLine;
}
