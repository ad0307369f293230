import { Injectable } from '@nestjs/common';
import type { GuideStatus } from '@guideshare/contracts';
import { WechatApiError, WecomClient, type ExternalContact } from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { Transactions } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import { MembersService } from '../members/members.service.js';
import { ReportsService } from '../reports/reports.service.js';
import { SharesService } from '../shares/shares.service.js';
import { StoresService } from '../stores/stores.service.js';
import { OaFollowersService } from './oa-followers.service.js';

/** WeCom errcodes for an external_userid that is not (or no longer) a customer of the corp. */
const UNKNOWN_CONTACT = new Set<number | string>([84061, 40096, 84059]);

export type CustomerStatus = 'MEMBER' | 'NOT_REGISTERED' | 'NOT_A_CUSTOMER' | 'NO_UNIONID';

const MESSAGES: Record<CustomerStatus, string> = {
  MEMBER: '已开卡会员',
  NOT_REGISTERED: '已使用小程序，尚未开卡',
  NOT_A_CUSTOMER: '尚未成为顾客：还没有使用过品牌小程序',
  NO_UNIONID: '尚未成为顾客：该联系人没有可关联的微信身份（无 unionid）',
};

export interface GuideSummary {
  id: string;
  name: string;
  storeId: string;
  status: GuideStatus;
}

/** GET /api/wecom/customers/:externalUserId — who this WeCom contact is to the brand. */
export interface CustomerCard {
  externalUserId: string;
  name: string;
  customerStatus: CustomerStatus;
  message: string;
  /** registered (开卡) */
  isMember: boolean;
  /** follows the Official Account, as of the last follower sync */
  followsOfficialAccount: boolean;
  /** has signed in to the mini-program (we know them by unionid) */
  authorizedMiniProgram: boolean;
  openingGuide: GuideSummary | null;
  serviceStore: { id: string; name: string; city: string } | null;
  serviceGuide: GuideSummary | null;
  registeredAt: string | null;
  lastVisitAt: string | null;
  /** net of refunds, all channels, all time */
  lifetimeGmvFen: number;
  lifetimeOrders: number;
}

/**
 * The WeCom sidebar customer card. The contact is resolved through externalcontact/get to its
 * unionid, and the unionid to the member (docs/WECHAT.md §5). A contact without a unionid, or
 * whose unionid is no member, is answered as "not yet a customer" (200), not as an error.
 *
 * Who may look (decided): any active guide who is one of the contact's WeCom follow users — that is,
 * who has this customer in their own WeCom — whatever store they or the customer belong to. A
 * customer who travels, or who added guides of two stores, is served by each of them, and the card
 * only opens in a chat with that contact anyway. A guide who does not have the contact gets 403
 * NOT_YOUR_CONTACT: the card is not a lookup service for other people's customers (an
 * external_userid leaked from another chat reveals nothing).
 */
@Injectable()
export class CustomerCardService {
  constructor(
    private readonly wecom: WecomClient,
    private readonly guides: GuidesService,
    private readonly members: MembersService,
    private readonly stores: StoresService,
    private readonly shares: SharesService,
    private readonly reports: ReportsService,
    private readonly followers: OaFollowersService,
    private readonly tx: Transactions,
  ) {}

  async card(guideId: string, externalUserId: string): Promise<CustomerCard> {
    const guide = await this.guides.require(this.tx.outside, guideId);
    if (guide.status !== 'active') throw AppError.forbidden('This guide has departed', 'GUIDE_DEPARTED');
    const contact = await this.contact(externalUserId);
    if (!contact.followUsers.some((f) => f.userId === guide.wecomUserId)) {
      throw AppError.forbidden('This customer is not one of your WeCom contacts', 'NOT_YOUR_CONTACT');
    }
    const base = { externalUserId: contact.externalUserId, name: contact.name };
    if (!contact.unionid) return { ...base, ...notYet('NO_UNIONID'), followsOfficialAccount: false };
    const [member, followsOfficialAccount] = await Promise.all([
      this.members.findByUnionid(contact.unionid),
      this.followers.follows(contact.unionid),
    ]);
    if (!member) return { ...base, ...notYet('NOT_A_CUSTOMER'), followsOfficialAccount };

    const [openingGuide, serviceGuide, serviceStore, lastVisitAt, sales] = await Promise.all([
      this.guideSummary(member.openingGuideId),
      this.guideSummary(member.serviceGuideId),
      member.serviceStoreId
        ? this.stores.require(member.serviceStoreId).then(
            (s) => ({ id: s.id, name: s.name, city: s.city }),
            () => null,
          )
        : null,
      this.shares.lastVisitAt(member.id),
      this.reports.memberLifetimeSales(member.id),
    ]);
    const status: CustomerStatus = member.registeredAt ? 'MEMBER' : 'NOT_REGISTERED';
    return {
      ...base,
      customerStatus: status,
      message: MESSAGES[status],
      isMember: status === 'MEMBER',
      followsOfficialAccount,
      authorizedMiniProgram: true,
      openingGuide,
      serviceStore,
      serviceGuide,
      registeredAt: member.registeredAt ? member.registeredAt.toISOString() : null,
      lastVisitAt: lastVisitAt ? lastVisitAt.toISOString() : null,
      lifetimeGmvFen: sales.gmvFen,
      lifetimeOrders: sales.orders,
    };
  }

  private async contact(externalUserId: string): Promise<ExternalContact> {
    try {
      return await this.wecom.getExternalContact(externalUserId);
    } catch (e) {
      if (e instanceof WechatApiError && UNKNOWN_CONTACT.has(e.errcode)) {
        throw AppError.notFound('EXTERNAL_CONTACT_NOT_FOUND', `WeCom knows no customer ${externalUserId}`);
      }
      throw AppError.upstream('WECOM_UNAVAILABLE', 'WeCom could not be reached; try again');
    }
  }

  private async guideSummary(id: string | null): Promise<GuideSummary | null> {
    if (!id) return null;
    const g = await this.guides.require(this.tx.outside, id).catch(() => null);
    return g ? { id: g.id, name: g.name, storeId: g.storeId, status: g.status } : null;
  }
}

function notYet(status: 'NOT_A_CUSTOMER' | 'NO_UNIONID') {
  return {
    customerStatus: status,
    message: MESSAGES[status],
    isMember: false,
    authorizedMiniProgram: false,
    openingGuide: null,
    serviceStore: null,
    serviceGuide: null,
    registeredAt: null,
    lastVisitAt: null,
    lifetimeGmvFen: 0,
    lifetimeOrders: 0,
  } as const;
}
