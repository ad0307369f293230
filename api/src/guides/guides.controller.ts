import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { Roles } from '../auth/auth.decorators.js';
import { CreateGuideDto, DepartGuideDto, LinkMemberDto, UpdateGuideDto } from './guides.dto.js';
import { GuidesService } from './guides.service.js';

@Controller('admin/guides')
@Roles('admin')
export class GuidesController {
  constructor(private readonly guides: GuidesService) {}

  @Post()
  create(@Body() body: CreateGuideDto) {
    return this.guides.create(body);
  }

  @Get()
  list(@Query('storeId') storeId?: string) {
    return this.guides.list(storeId);
  }

  @Patch(':id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateGuideDto) {
    return this.guides.update(id, body);
  }

  @Post(':id/depart')
  async depart(@Param('id') id: string, @Body() body: DepartGuideDto) {
    return this.guides.depart(id, body.successorGuideId);
  }

  @Post(':id/member')
  linkMember(@Param('id') id: string, @Body() body: LinkMemberDto) {
    return this.guides.linkMember(id, body.memberId);
  }
}
