import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module.js';
import { RefundsModule } from '../refunds/refunds.module.js';
import { WechatPayNotifyController } from './wechat-pay-notify.controller.js';

/** POST /api/payments/wechat/notify: verified by payments, dispatched by event type (notify-dispatch.ts). */
@Module({
  imports: [PaymentsModule, RefundsModule],
  controllers: [WechatPayNotifyController],
})
export class WechatPayNotifyModule {}
