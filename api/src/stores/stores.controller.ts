import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { Public, Roles } from '../auth/auth.decorators.js';
import { CreateStoreDto, UpdateStoreDto } from './stores.dto.js';
import { StoresService } from './stores.service.js';

@Controller()
export class StoresController {
  constructor(private readonly stores: StoresService) {}

  @Public()
  @Get('stores')
  list() {
    return this.stores.list();
  }

  @Roles('admin')
  @Post('admin/stores')
  create(@Body() body: CreateStoreDto) {
    return this.stores.create(body);
  }

  /** Stores with their counter keys (id, createdAt, revokedAt; never a secret). */
  @Roles('admin')
  @Get('admin/stores')
  listForAdmin() {
    return this.stores.listForAdmin();
  }

  @Roles('admin')
  @Patch('admin/stores/:id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateStoreDto) {
    return this.stores.update(id, body);
  }

  @Roles('admin')
  @Post('admin/stores/:id/keys')
  issueKey(@Param('id') id: string) {
    return this.stores.issueKey(id);
  }

  @Roles('admin')
  @Post('admin/stores/:id/keys/:keyId/revoke')
  @HttpCode(204)
  revokeKey(@Param('id') id: string, @Param('keyId') keyId: string) {
    return this.stores.revokeKey(id, keyId);
  }
}
