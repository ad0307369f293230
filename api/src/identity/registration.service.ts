import { Injectable } from '@nestjs/common';
import type { RegisteredMember } from '@guideshare/contracts';
import { WechatApiClient, WechatApiError } from '@guideshare/wechat';
import { latestTouchWithinWindow } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { AttributionEvidenceService } from '../attribution-evidence/attribution-evidence.service.js';
import { Transactions } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import type { MemberEntity } from '../members/member.entity.js';
import { MemberBindingService } from '../members/member-binding.service.js';
import { MembersService } from '../members/members.service.js';
import { MemberRegistrationEntity } from './registration.entity.js';

/** getuserphonenumber errcodes that mean "this code is no good" (invalid, used, expired), not "WeChat is down". */
const BAD_CODE = new Set<number | string>([40029, 40163, 41008]);

const view = (m: MemberEntity): RegisteredMember => ({
  id: m.id,
  openid: m.openid,
  phone: m.phone,
  registeredAt: m.registeredAt ? m.registeredAt.toISOString() : null,
  openingGuideId: m.openingGuideId,
  serviceGuideId: m.serviceGuideId,
  serviceStoreId: m.serviceStoreId,
});

/**
 * Membership registration (开卡): the `getPhoneNumber` code is exchanged for the phone number, the
 * member is marked registered once, and bound by the binding rules to the registering guide — the
 * guide of the member's current share touch (the latest touch within the online attribution window,
 * from a guide still active).
 *
 * Opening guide: set once, like every binding (docs/DOMAIN.md rule 5, `decideBinding`: "an existing opening
 * guide is never replaced"). A member who already met a guide through a share has that guide as
 * opening guide — for the usual flow (open a guide's card, then register) that *is* the registering
 * guide; a member never bound before gets the registering guide as opening and service guide. The
 * registering touch is kept in `member_registrations` as evidence either way.
 *
 * Repeats are harmless: an already registered member gets their member back (200) without another
 * paid phone-number call, and concurrent first registrations settle on `registeredAt IS NULL`.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly tx: Transactions,
    private readonly wechat: WechatApiClient,
    private readonly members: MembersService,
    private readonly binding: MemberBindingService,
    private readonly guides: GuidesService,
    private readonly evidence: AttributionEvidenceService,
  ) {}

  async register(memberId: string, phoneCode: string): Promise<{ member: RegisteredMember; created: boolean }> {
    const current = await this.members.require(this.tx.outside, memberId);
    if (current.registeredAt) return { member: view(current), created: false };
    const phone = await this.phoneNumber(phoneCode);
    const at = new Date();
    const created = await this.tx.run(async (em) => {
      if (!(await this.members.completeRegistration(em, memberId, phone, at))) return false;
      const { policy, touches, guides } = await this.evidence.load(em, memberId, at, {
        channel: 'online',
        liveId: null,
      });
      const touch = latestTouchWithinWindow(touches, at.getTime(), policy.onlineWindowHours);
      const touchGuide = touch ? guides[touch.guideId] : undefined;
      // A departed guide's old card still brings people in, but binds them to nobody (as on a visit).
      if (touchGuide?.active) {
        const event = { type: 'registration' as const, guideId: touchGuide.id, storeId: touchGuide.storeId };
        await this.binding.apply(em, memberId, { ...event, at: at.getTime() }, policy);
      }
      const member = await this.members.require(em, memberId);
      const opening = member.openingGuideId ? await this.guides.require(em, member.openingGuideId) : null;
      await em.insert(MemberRegistrationEntity, {
        memberId,
        registeredAt: at,
        openingGuideId: opening?.id ?? null,
        openingStoreId: opening?.storeId ?? null,
        touchGuideId: touch?.guideId ?? null,
        shareCode: touch?.shareCode ?? null,
        touchedAt: touch ? new Date(touch.at) : null,
      });
      return true;
    });
    return { member: view(await this.members.require(this.tx.outside, memberId)), created };
  }

  private async phoneNumber(code: string): Promise<string> {
    try {
      const info = await this.wechat.getUserPhoneNumber(code);
      return info.phoneNumber || info.purePhoneNumber;
    } catch (e) {
      if (e instanceof WechatApiError && BAD_CODE.has(e.errcode)) {
        throw AppError.badRequest(
          'PHONE_CODE_INVALID',
          `WeChat refused the phone number code (${e.errcode}); ask the user again`,
        );
      }
      throw AppError.upstream('WECHAT_UNAVAILABLE', 'WeChat could not give the phone number; try again');
    }
  }
}
