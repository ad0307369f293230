import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { creditTransferFen } from '@guideshare/rules';
import { newId } from '../common/ids.js';
import { PolicyService } from '../policy/policy.service.js';
import { currentAccruals } from './current-accruals.js';
import { LedgerEntryEntity } from './ledger-entry.entity.js';

const DAY = 86_400_000;

/** An order's credit moving to another guide (an attribution correction or an approved claim). */
export interface CreditTransfer {
  orderId: string;
  /** Unique per correction (order and its correction number): a retry lands once. */
  key: string;
  to: { guideId: string; storeId: string | null };
  /** When the sale was paid or redeemed, and the policy version that decided it (cooling-off). */
  paidAt: Date;
  policyVersion: number;
  lines: Array<{ id: string; amountFen: number; refundedFen: number; toRateBps: number }>;
  reason: string;
}

/**
 * The ledger side of a correction, with the pure maths of @guideshare/rules (`creditTransferFen`):
 * per line, a reversal of everything the line's current accrual still earns its guide, and an accrual
 * for the new guide on what remains paid at the new rate (always written, even at 0 fen, since the
 * line's latest accrual is what later refunds reverse). Entries land in the open period (available
 * no earlier than now, like a refund after a close); the new accrual keeps the sale's cooling-off.
 */
@Injectable()
export class CreditTransferService {
  constructor(private readonly policy: PolicyService) {}

  async transfer(em: EntityManager, t: CreditTransfer, at: Date): Promise<{ reversedFen: number; accruedFen: number }> {
    const current = await currentAccruals(
      em,
      t.orderId,
      t.lines.map((l) => l.id),
    );
    const { coolingOffDays } = await this.policy.byVersion(em, t.policyVersion);
    const accrualAvailable = new Date(Math.max(at.getTime(), t.paidAt.getTime() + coolingOffDays * DAY));
    const rows: LedgerEntryEntity[] = [];
    for (const line of t.lines) {
      const held = current.get(line.id);
      const { reverseFen, accrueFen } = creditTransferFen({
        lineAmountFen: line.amountFen,
        refundedFen: line.refundedFen,
        fromRateBps: held?.rateBps ?? 0,
        toRateBps: line.toRateBps,
      });
      const entry = {
        id: newId(at.getTime()),
        orderId: t.orderId,
        orderLineId: line.id,
        settlementId: null,
        reason: t.reason,
        createdAt: at,
      };
      if (held && reverseFen > 0)
        rows.push({
          ...entry,
          dedupeKey: `correction:${t.key}:reversal:${line.id}`,
          guideId: held.guideId,
          storeId: held.storeId,
          kind: 'reversal',
          amountFen: -reverseFen,
          rateBps: held.rateBps,
          baseFen: line.amountFen - line.refundedFen,
          availableAt: new Date(Math.max(at.getTime(), held.availableAt.getTime())),
        });
      // Written even at 0 fen: the latest accrual of a line names who holds its credit (refunds reverse it).
      rows.push({
        ...entry,
        id: newId(at.getTime()),
        dedupeKey: `correction:${t.key}:accrual:${line.id}`,
        guideId: t.to.guideId,
        storeId: t.to.storeId,
        kind: 'accrual',
        amountFen: accrueFen,
        rateBps: line.toRateBps,
        // An accrual's base is the line's paid amount: later refunds reverse it with reversalFen.
        baseFen: line.amountFen,
        availableAt: accrualAvailable,
      });
    }
    if (rows.length) await em.insert(LedgerEntryEntity, rows);
    return {
      reversedFen: -rows.filter((r) => r.kind === 'reversal').reduce((s, r) => s + r.amountFen, 0),
      accruedFen: rows.filter((r) => r.kind === 'accrual').reduce((s, r) => s + r.amountFen, 0),
    };
  }
}
