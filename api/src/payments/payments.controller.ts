import { Controller, HttpCode, Logger, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { NotifyRejected, PaymentsService } from './payments.service.js';

@Controller()
export class PaymentsController {
  private readonly logger = new Logger('WechatPayNotify');

  constructor(private readonly payments: PaymentsService) {}

  @Roles('consumer')
  @Post('orders/:id/payment')
  @HttpCode(200)
  prepay(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.payments.prepay(user, id);
  }

  /** WeChat Pay v3 notifications: 204 on success, `{code: 'FAIL', message}` otherwise. */
  @Public()
  @Post('payments/wechat/notify')
  async notify(@Req() req: RawBodyRequest<FastifyRequest>, @Res() reply: FastifyReply) {
    try {
      await this.payments.handleNotify(req.headers, req.rawBody);
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
