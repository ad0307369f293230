import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { OptionalIdempotencyKey, answerCreate } from '../common/idempotency-key.js';
import { StockAdjustmentDto, UpdateCategoryDto, UpdateProductDto, UpdateSkuDto } from './catalog.dto.js';
import { CatalogAdminService } from './catalog-admin.service.js';

/** Catalog management (admin only: finance and clerks are refused with 403). */
@Controller('admin')
@Roles('admin')
export class CatalogAdminController {
  constructor(private readonly catalog: CatalogAdminService) {}

  @Get('categories')
  categories() {
    return this.catalog.listCategories();
  }

  @Patch('categories/:id')
  updateCategory(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateCategoryDto) {
    return this.catalog.updateCategory(id, body);
  }

  @Get('products')
  products() {
    return this.catalog.listProducts();
  }

  @Get('products/:id')
  product(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.catalog.getProduct(id);
  }

  @Patch('products/:id')
  updateProduct(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateProductDto) {
    return this.catalog.updateProduct(id, body);
  }

  @Patch('skus/:id')
  updateSku(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateSkuDto) {
    return this.catalog.updateSku(id, body);
  }

  /** 201 with the SKU and the movement; a replay (same Idempotency-Key and body) → 200. */
  @Post('skus/:id/stock')
  async adjustStock(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @OptionalIdempotencyKey() key: string | null,
    @Body() body: StockAdjustmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { replayed, ...result } = await this.catalog.adjustStock(id, body, user.sub, key);
    return answerCreate(reply, replayed, result);
  }

  @Get('skus/:id/stock-movements')
  stockMovements(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.catalog.stockMovements(id);
  }
}
