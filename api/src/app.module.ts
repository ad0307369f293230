import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AfterSalesModule } from './after-sales/after-sales.module.js';
import { AttributionCorrectionsModule } from './attribution-corrections/attribution-corrections.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { ConfigController } from './config/config.controller.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { FulfilmentModule } from './fulfilment/fulfilment.module.js';
import { FinanceModule } from './finance/finance.module.js';
import { GuideCardsModule } from './guide-cards/guide-cards.module.js';
import { GuidesModule } from './guides/guides.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { LivesModule } from './lives/lives.module.js';
import { MemberAccountsModule } from './member-accounts/member-accounts.module.js';
import { MembersModule } from './members/members.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { PolicyModule } from './policy/policy.module.js';
import { PosModule } from './pos/pos.module.js';
import { RefundsModule } from './refunds/refunds.module.js';
import { SchedulingModule } from './scheduling/scheduling.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SharesModule } from './shares/shares.module.js';
import { StoresModule } from './stores/stores.module.js';
import { UploadsModule } from './uploads/uploads.module.js';
import { WechatModule } from './wechat/wechat.module.js';
import { WechatPayNotifyModule } from './wechat-pay-notify/wechat-pay-notify.module.js';
import { WecomModule } from './wecom/wecom.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        DatabaseModule,
        WechatModule,
        AuthModule,
        IdentityModule,
        StoresModule,
        UploadsModule,
        GuidesModule,
        CatalogModule,
        PolicyModule,
        MembersModule,
        LivesModule,
        SharesModule,
        FulfilmentModule,
        OrdersModule,
        PaymentsModule,
        LedgerModule,
        RefundsModule,
        AttributionCorrectionsModule,
        ClaimsModule,
        WechatPayNotifyModule,
        AfterSalesModule,
        PrivacyModule,
        GuideCardsModule,
        FinanceModule,
        MemberAccountsModule,
        PosModule,
        ReportsModule,
        WecomModule,
        SchedulingModule,
      ],
      controllers: [ConfigController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
