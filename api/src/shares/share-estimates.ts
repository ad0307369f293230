import { Controller, Get, Injectable } from '@nestjs/common';
import type { ProductCommission } from '@guideshare/contracts';
import { commissionFen, resolveRateBps } from '@guideshare/rules';
import { Roles } from '../auth/auth.decorators.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { Transactions } from '../database/transactions.js';
import { PolicyService } from '../policy/policy.service.js';

/** Estimates with today's rates and prices: the order freezes its own when it is placed. */
@Injectable()
export class ShareEstimatesService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly policy: PolicyService,
    private readonly tx: Transactions,
  ) {}

  async productCommissions(): Promise<ProductCommission[]> {
    const [products, policy] = await Promise.all([this.catalog.listProducts(), this.policy.current(this.tx.outside)]);
    const skuIds = products.flatMap((p) => p.skus.map((s) => s.id));
    const skus = skuIds.length ? await this.catalog.skusForSale(this.tx.outside, skuIds) : new Map();
    return products.flatMap((p) => {
      const first = p.skus[0] && skus.get(p.skus[0].id);
      if (!first) return [];
      const rateBps = resolveRateBps({
        rule: 'share',
        productRateBps: first.productRateBps,
        categoryRateBps: first.categoryRateBps,
        defaultRateBps: policy.defaultRateBps,
        serviceRateBps: policy.serviceRateBps,
      });
      const amounts = p.skus.map((s) => commissionFen(s.priceFen, rateBps));
      return [
        { productId: p.id, rateBps, minCommissionFen: Math.min(...amounts), maxCommissionFen: Math.max(...amounts) },
      ];
    });
  }
}

@Controller()
export class ShareEstimatesController {
  constructor(private readonly estimates: ShareEstimatesService) {}

  @Roles('guide')
  @Get('guides/me/products/commission')
  productCommissions() {
    return this.estimates.productCommissions();
  }
}
