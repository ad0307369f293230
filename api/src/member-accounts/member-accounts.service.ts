import { Injectable } from '@nestjs/common';
import type { AdminMember, BindingChange, MemberCode, MemberGuideSummary, MemberProfile } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { Transactions } from '../database/transactions.js';
import type { GuideEntity } from '../guides/guide.entity.js';
import { GuidesService } from '../guides/guides.service.js';
import { StoresService, toStore } from '../stores/stores.service.js';
import type { MemberBindingAuditEntity } from '../members/member-binding-audit.entity.js';
import { MemberCodeService } from '../members/member-code.service.js';
import type { MemberEntity } from '../members/member.entity.js';
import { memberRecord } from '../members/member-record.js';
import { MembersService } from '../members/members.service.js';

// The shapes are the contract's (packages/contracts console.ts), shared with the console.
export type MemberView = MemberProfile;
/** What a member may know of their guide (not, e.g., the guide's WeCom account). */
export type GuideSummary = MemberGuideSummary;
export type BindingChangeView = BindingChange;

const toSummary = (g: GuideEntity): GuideSummary => ({ id: g.id, name: g.name, storeId: g.storeId, status: g.status });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toChange = (a: MemberBindingAuditEntity): BindingChangeView => ({
  id: a.id,
  kind: a.kind,
  fromGuideId: a.fromGuideId,
  fromStoreId: a.fromStoreId,
  toGuideId: a.toGuideId,
  toStoreId: a.toStoreId,
  actorId: a.actorId,
  reason: a.reason,
  createdAt: a.createdAt.toISOString(),
});

/** The HTTP face of members: the consumer's own account and code, and the admin's binding tools. */
@Injectable()
export class MemberAccountsService {
  constructor(
    private readonly members: MembersService,
    private readonly codes: MemberCodeService,
    private readonly guides: GuidesService,
    private readonly stores: StoresService,
    private readonly tx: Transactions,
  ) {}

  async me(memberId: string): Promise<MemberView> {
    return this.view(await this.members.require(this.tx.outside, memberId));
  }

  code(memberId: string): Promise<MemberCode> {
    return this.codes.issue(memberId);
  }

  async detail(memberId: string): Promise<MemberView & { bindingHistory: BindingChangeView[] }> {
    const member = await this.members.require(this.tx.outside, memberId);
    const history = await this.members.bindingHistory(memberId);
    return { ...(await this.view(member)), bindingHistory: history.map(toChange) };
  }

  /**
   * Finds a member for the console by id, 10-digit code number, or a member code the customer shows
   * (authentic, recent or not), each with the binding history; [] when nobody matches.
   */
  async search(q: string): Promise<AdminMember[]> {
    const text = q.trim();
    let member: MemberEntity | null = null;
    if (UUID.test(text)) member = await this.members.require(this.tx.outside, text).catch(() => null);
    else if (/^\d{10}$/.test(text)) member = await this.members.findByCodeNo(text);
    else if (/^\d{18}$/.test(text)) member = await this.codes.memberOf(text);
    return member ? [await this.detail(member.id)] : [];
  }

  /** Explicit, audited change of the member's service guide (and store) by an admin. */
  async reassign(
    memberId: string,
    input: { guideId: string; reason: string },
    actorId: string,
  ): Promise<{ member: MemberView; change: BindingChangeView | null }> {
    const { member, audit } = await this.tx.run(async (em) => {
      const guide = await this.guides.require(em, input.guideId).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'GUIDE_NOT_FOUND')
          throw AppError.badRequest('GUIDE_NOT_FOUND', `No guide ${input.guideId}`);
        throw e;
      });
      if (guide.status !== 'active')
        throw AppError.badRequest('GUIDE_DEPARTED', 'A departed guide cannot serve members');
      return this.members.reassignServiceGuide(em, memberId, guide, {
        actorId,
        reason: input.reason.trim(),
        at: new Date(),
      });
    });
    return { member: await this.view(member), change: audit ? toChange(audit) : null };
  }

  private async view(m: MemberEntity): Promise<MemberView> {
    const [serviceGuide, serviceStore] = await Promise.all([
      m.serviceGuideId ? this.guides.require(this.tx.outside, m.serviceGuideId).then(toSummary, () => null) : null,
      m.serviceStoreId ? this.stores.require(m.serviceStoreId).then(toStore, () => null) : null,
    ]);
    return { ...memberRecord(m), serviceGuide, serviceStore };
  }
}
