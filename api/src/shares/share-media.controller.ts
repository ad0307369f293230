import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { sharePath, type ShareTarget } from '@guideshare/contracts';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { Transactions } from '../database/transactions.js';
import { PosterService } from './poster.service.js';
import { SharesService } from './shares.service.js';
import { WxacodeService } from './wxacode.service.js';

/** A share as pictures (its mini-program code, its poster) and as a target for scene-only entries. */
@Controller('shares')
export class ShareMediaController {
  constructor(
    private readonly shares: SharesService,
    private readonly wxacodes: WxacodeService,
    private readonly posters: PosterService,
    private readonly tx: Transactions,
  ) {}

  /**
   * What a code opens. A mini-program code carries only the code (its `scene`), so the page it
   * opens asks here for its target. Public: single-page mode (Moments) has no login.
   */
  @Public()
  @Get(':code')
  async target(@Param('code') code: string): Promise<ShareTarget> {
    const s = await this.shares.resolve(this.tx.outside, code);
    return { code: s.code, kind: s.kind, targetId: s.targetId, path: sharePath(s.kind, s.targetId, s.code) };
  }

  @Roles('guide')
  @Get(':code/wxacode')
  async wxacode(
    @CurrentUser() user: Principal,
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const png = await this.wxacodes.png(await this.shares.owned(user.sub, code));
    reply.header('Content-Type', 'image/png');
    reply.header('Cache-Control', 'private, max-age=86400');
    return png;
  }

  @Roles('guide')
  @Get(':code/poster')
  async poster(
    @CurrentUser() user: Principal,
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { png, fontMissing } = await this.posters.png(await this.shares.owned(user.sub, code));
    reply.header('Content-Type', 'image/png');
    reply.header('Cache-Control', 'private, no-cache');
    reply.header('Content-Disposition', `inline; filename="poster-${code}.png"`);
    if (fontMissing) reply.header('X-Poster-Font', 'missing');
    return png;
  }
}
