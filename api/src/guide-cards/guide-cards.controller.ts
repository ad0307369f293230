import { Controller, Get, Param } from '@nestjs/common';
import type { GuideCard } from '@guideshare/contracts';
import { Public } from '../auth/auth.decorators.js';
import { Transactions } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import { SharesService } from '../shares/shares.service.js';
import { StoresService } from '../stores/stores.service.js';

/**
 * The card of the guide who shared a product, for the product page. Public like the share itself
 * (a card opened from Moments has no login); it shows what a customer may know of a guide — name and
 * store — never the guide's WeCom account or member link.
 */
@Controller('shares')
export class GuideCardsController {
  constructor(
    private readonly shares: SharesService,
    private readonly guides: GuidesService,
    private readonly stores: StoresService,
    private readonly tx: Transactions,
  ) {}

  @Public()
  @Get(':code/guide')
  async card(@Param('code') code: string): Promise<GuideCard> {
    const share = await this.shares.resolve(this.tx.outside, code);
    const guide = await this.guides.require(this.tx.outside, share.guideId);
    const store = await this.stores.require(guide.storeId);
    return {
      guideId: guide.id,
      name: guide.name,
      storeId: store.id,
      storeName: store.name,
      storeCity: store.city,
      active: guide.status === 'active',
      avatarUrl: null,
      contactQrUrl: null,
    };
  }
}
