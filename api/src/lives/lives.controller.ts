import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { Public, Roles } from '../auth/auth.decorators.js';
import { CreateLiveDto, UpdateLiveDto } from './lives.dto.js';
import { LivesService } from './lives.service.js';

@Controller()
export class LivesController {
  constructor(private readonly lives: LivesService) {}

  @Public()
  @Get('lives')
  list() {
    return this.lives.list();
  }

  @Roles('admin')
  @Post('admin/lives')
  create(@Body() body: CreateLiveDto) {
    return this.lives.create(body);
  }

  @Roles('admin')
  @Patch('admin/lives/:id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateLiveDto) {
    return this.lives.update(id, body);
  }
}
