import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { MemberCode } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { isFresh, issueMemberCode, readMemberCode, stepAt, STEP_MS, VALID_STEPS } from './member-code.js';
import { MemberCodeUseEntity } from './member-code-use.entity.js';
import { MemberEntity } from './member.entity.js';
import { MembersService } from './members.service.js';

/** A counter retrying a receipt may send the code it scanned first, up to this long ago. */
const RETRY_LOOKBACK_STEPS = (7 * 86_400_000) / STEP_MS;

/**
 * The steps a code may be issued for right now, in order of preference: this minute's, the next
 * one's (readers accept one step ahead), then ever older ones still fresh for at least two minutes.
 * A used code is skipped, so a member who just paid at a counter gets a fresh code at once.
 */
const candidateSteps = (now: number) => {
  const step = stepAt(now);
  return [step, step + 1, ...Array.from({ length: VALID_STEPS - 2 }, (_, i) => step - 1 - i)];
};

/** A fresh, authentic code's member and the step it was issued in (which names the code). */
export interface RedeemedCode {
  member: MemberEntity;
  step: number;
}

/** Issues and reads member codes (format and security: member-code.ts). */
@Injectable()
export class MemberCodeService {
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectRepository(MemberCodeUseEntity) private readonly uses: Repository<MemberCodeUseEntity>,
    private readonly members: MembersService,
    private readonly tx: Transactions,
  ) {
    this.secret = config.memberCodeSecret;
  }

  /** The member's current code, never one already redeemed: reads only, writes nothing. */
  async issue(memberId: string, now = Date.now()): Promise<MemberCode> {
    const member = await this.members.require(this.tx.outside, memberId);
    const codeNo = await this.members.codeNoOf(member);
    const steps = candidateSteps(now);
    const used = new Set(
      (await this.uses.find({ where: { memberId, step: In(steps) }, select: { step: true } })).map((u) => u.step),
    );
    const step = steps.find((s) => !used.has(s));
    if (step === undefined)
      throw AppError.conflict('MEMBER_CODE_BUSY', 'Several member codes were used this minute; try again shortly');
    const { code, expiresAt } = issueMemberCode(this.secret, codeNo, step * STEP_MS);
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /** The member a fresh, authentic code belongs to; else 400 MEMBER_CODE_EXPIRED or MEMBER_CODE_INVALID. */
  async redeem(code: string, now = Date.now()): Promise<RedeemedCode> {
    const reading = readMemberCode(this.secret, code, now);
    const member = reading ? await this.members.findByCodeNo(reading.memberNo) : null;
    if (!reading || !member) throw AppError.badRequest('MEMBER_CODE_INVALID', 'This member code is not one we issued');
    if (!isFresh(reading))
      throw AppError.badRequest('MEMBER_CODE_EXPIRED', 'This member code has expired; ask the customer to refresh it');
    return { member, step: reading.step };
  }

  /**
   * Inside the redemption's transaction: marks the code used for this receipt. The (member, step)
   * primary key makes a second use of the code fail here with a duplicate key, however concurrent.
   */
  async markUsed(
    em: EntityManager,
    use: { memberId: string; step: number; storeId: string; receiptNo: string; at: Date },
  ): Promise<void> {
    await em.insert(MemberCodeUseEntity, {
      memberId: use.memberId,
      step: use.step,
      storeId: use.storeId,
      receiptNo: use.receiptNo,
      usedAt: use.at,
    });
  }

  isUsed(memberId: string, step: number): Promise<boolean> {
    return this.uses.existsBy({ memberId, step });
  }

  /**
   * The member an authentic code names, fresh or not (up to 7 days old), else null — for comparing
   * a retried receipt with the one recorded, whose code may have expired since.
   */
  async memberOf(code: string, now = Date.now()): Promise<MemberEntity | null> {
    const reading = readMemberCode(this.secret, code, now, RETRY_LOOKBACK_STEPS);
    return reading ? this.members.findByCodeNo(reading.memberNo) : null;
  }
}
