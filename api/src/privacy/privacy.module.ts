import { Module } from '@nestjs/common';
import { AfterSalesModule } from '../after-sales/after-sales.module.js';
import { FulfilmentModule } from '../fulfilment/fulfilment.module.js';
import { MemberAccountsModule } from '../member-accounts/member-accounts.module.js';
import { MembersModule } from '../members/members.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { SharesModule } from '../shares/shares.module.js';
import { WechatSessionsModule } from '../wechat-sessions/wechat-sessions.module.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyService } from './privacy.service.js';

/** The member's data rights: export and account deletion (docs/DOMAIN.md "Privacy"). */
@Module({
  imports: [
    MembersModule,
    MemberAccountsModule,
    OrdersModule,
    FulfilmentModule,
    PaymentsModule,
    SharesModule,
    AfterSalesModule,
    WechatSessionsModule,
  ],
  controllers: [PrivacyController],
  providers: [PrivacyService],
})
export class PrivacyModule {}
