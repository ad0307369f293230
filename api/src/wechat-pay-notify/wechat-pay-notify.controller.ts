import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { NotifyRejected, PaymentsService } from '../payments/payments.service.js';
import { AutomaticRefunds } from '../refunds/automatic-refunds.service.js';
import { RefundNotifications } from '../refunds/refund-notify.service.js';
import { notifyDispatch, type NotifyHandler } from './notify-dispatch.js';

@Controller()
export class WechatPayNotifyController {
  private readonly logger = new Logger('WechatPayNotify');
  private readonly dispatch: Readonly<Record<string, NotifyHandler>>;

  constructor(
    private readonly payments: PaymentsService,
    refunds: RefundNotifications,
    automatic: AutomaticRefunds,
  ) {
    this.dispatch = notifyDispatch(payments, refunds, automatic);
  }

  /** WeChat Pay v3 notifications: 204 on success, `{code: 'FAIL', message}` otherwise. */
  @Public()
  @Post('payments/wechat/notify')
  async notify(@Req() req: RawBodyRequest<FastifyRequest>, @Res() reply: FastifyReply) {
    try {
      const { eventType, resource } = this.payments.verifyNotify(req.headers, req.rawBody);
      const handler = Object.hasOwn(this.dispatch, eventType) ? this.dispatch[eventType] : undefined;
      if (handler) await handler(resource);
      else this.logger.warn(`Ignoring WeChat Pay event ${eventType}`);
      return reply.status(204).send();
    } catch (e) {
      if (e instanceof NotifyRejected) {
        this.logger.warn(`Refused a notification: ${e.message}`);
        return reply.status(e.status).send({ code: 'FAIL', message: e.message });
      }
      this.logger.error(e instanceof Error ? e.stack : String(e));
      return reply.status(500).send({ code: 'FAIL', message: 'internal error' });
    }
  }
}
