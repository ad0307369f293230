import { Body, Controller, Get, Post } from '@nestjs/common';
import { Public, Roles } from '../auth/auth.decorators.js';
import { CreateLiveDto } from './lives.dto.js';
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
}
