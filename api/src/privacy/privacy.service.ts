import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MemberDataExport } from '@guideshare/contracts';
import { AccessChecks } from '../auth/access-checks.js';
import { AfterSalesService } from '../after-sales/after-sales.service.js';
import { AppError } from '../common/app-error.js';
import { Transactions } from '../database/transactions.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { MemberAccountsService } from '../member-accounts/member-accounts.service.js';
import { MembersService } from '../members/members.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { SharesService } from '../shares/shares.service.js';
import { WechatSessionsService } from '../wechat-sessions/wechat-sessions.service.js';

/** Why each kind of data is kept (shown with the export; the mini-program's privacy page says the same). */
export const PURPOSES: Record<string, string> = {
  member: '识别您的微信身份、会员码和为您服务的导购',
  addresses: '为快递配送的订单填写收货地址，下次下单时预先填好',
  orders: '履行订单、售后和退款；订单金额与佣金记录按财务规定保存',
  visits: '确认是哪位导购把商品分享给您，用于计算导购佣金',
  afterSales: '处理您的退款申请',
};

/**
 * The member's rights over their data (PIPL; docs/DOMAIN.md "Privacy"): see what we hold, and delete the
 * account. Deletion releases the WeChat identity and removes personal fields (openid, unionid, phone,
 * code number, addresses, the WeChat session key, the payer openid on payments); orders, lines, attribution and the ledger
 * keep their money facts under the member id, which no longer leads to a person.
 */
@Injectable()
export class PrivacyService implements OnModuleInit {
  constructor(
    private readonly tx: Transactions,
    private readonly access: AccessChecks,
    private readonly members: MembersService,
    private readonly accounts: MemberAccountsService,
    private readonly orders: OrdersService,
    private readonly fulfilment: FulfilmentService,
    private readonly payments: PaymentsService,
    private readonly shares: SharesService,
    private readonly afterSales: AfterSalesService,
    private readonly sessions: WechatSessionsService,
  ) {}

  /** A deleted member's tokens stop working at once (401). */
  onModuleInit() {
    this.access.register('consumer', (p) => this.members.isActive(p.sub));
  }

  async export(memberId: string): Promise<MemberDataExport> {
    const m = await this.members.require(this.tx.outside, memberId);
    const [profile, address, orders, visits, afterSales] = await Promise.all([
      this.accounts.me(memberId),
      this.fulfilment.lastAddress(memberId),
      this.orders.allOfMember(memberId),
      this.shares.visitsOf(memberId),
      this.afterSales.ofMember(memberId),
    ]);
    return {
      member: { ...profile, unionid: m.unionid, phone: m.phone },
      addresses: address ? [address] : [],
      orders,
      visits: visits.map((v) => ({
        shareCode: v.shareCode,
        guideId: v.guideId,
        kind: v.kind,
        targetId: v.targetId,
        scene: v.scene,
        visitedAt: v.visitedAt.toISOString(),
      })),
      afterSales,
      purposes: PURPOSES,
      exportedAt: new Date().toISOString(),
    };
  }

  /**
   * Deletes the account in one transaction. Refused (409) while a paid order is still on its way —
   * its address or pickup is needed to hand it over; deleting again is a no-op.
   */
  async deleteAccount(memberId: string): Promise<void> {
    const inFlight = await this.fulfilment.inFlightOrderIds(memberId);
    if (inFlight.length) {
      const refunded = await Promise.all(inFlight.map((id) => this.orders.viewOf(id, false)));
      if (refunded.some((o) => o.status !== 'REFUNDED'))
        throw AppError.conflict('ACCOUNT_HAS_OPEN_ORDERS', 'Orders on their way must be received before deletion');
    }
    await this.tx.run(async (em) => {
      const at = new Date();
      if (!(await this.members.forget(em, memberId, at))) return;
      await this.fulfilment.forgetMember(em, memberId);
      await this.sessions.forget(em, memberId);
      await this.payments.forgetPayer(em, await this.orders.idsOfMember(em, memberId));
    });
  }
}
