import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isFresh, issueMemberCode, readMemberCode, STEP_MS } from './member-code.js';
import { MemberEntity } from './member.entity.js';
import { MembersService } from './members.service.js';

/** A counter retrying a receipt may send the code it scanned first, up to this long ago. */
const RETRY_LOOKBACK_STEPS = (7 * 86_400_000) / STEP_MS;

export interface MemberCode {
  code: string;
  expiresAt: string;
}

/** Issues and reads member codes (format and security: member-code.ts). */
@Injectable()
export class MemberCodeService {
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly members: MembersService,
  ) {
    this.secret = config.memberCodeSecret;
  }

  /** The member's current code: one read, no write. */
  async issue(memberId: string, now = Date.now()): Promise<MemberCode> {
    const member = await this.members.require(memberId);
    const { code, expiresAt } = issueMemberCode(this.secret, await this.members.codeNoOf(member), now);
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /** The member a fresh, authentic code belongs to; else 400 MEMBER_CODE_EXPIRED or MEMBER_CODE_INVALID. */
  async redeem(code: string, now = Date.now()): Promise<MemberEntity> {
    const reading = readMemberCode(this.secret, code, now);
    const member = reading ? await this.members.findByCodeNo(reading.memberNo) : null;
    if (!reading || !member) throw AppError.badRequest('MEMBER_CODE_INVALID', 'This member code is not one we issued');
    if (!isFresh(reading))
      throw AppError.badRequest('MEMBER_CODE_EXPIRED', 'This member code has expired; ask the customer to refresh it');
    return member;
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
