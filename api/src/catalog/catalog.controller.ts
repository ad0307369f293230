import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Public, Roles } from '../auth/auth.decorators.js';
import { CreateCategoryDto, CreateProductDto, ListProductsQuery } from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Public()
  @Get('products')
  list(@Query() query: ListProductsQuery) {
    return this.catalog.listProducts(query);
  }

  @Public()
  @Get('products/:id')
  get(@Param('id') id: string) {
    return this.catalog.getProduct(id);
  }

  @Public()
  @Get('categories')
  categories() {
    return this.catalog.listCategories();
  }

  @Roles('admin')
  @Post('admin/categories')
  createCategory(@Body() body: CreateCategoryDto) {
    return this.catalog.createCategory(body);
  }

  @Roles('admin')
  @Post('admin/products')
  createProduct(@Body() body: CreateProductDto) {
    return this.catalog.createProduct(body);
  }
}
