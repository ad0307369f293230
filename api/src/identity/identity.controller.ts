import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { Public, Roles } from '../auth/auth.decorators.js';
import { CreateStaffDto, LoginCodeDto, StaffLoginDto } from './identity.dto.js';
import { IdentityService } from './identity.service.js';

@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/wechat')
  @HttpCode(200)
  wechat(@Body() body: LoginCodeDto) {
    return this.identity.loginConsumer(body.code);
  }

  @Public()
  @Post('auth/guide')
  @HttpCode(200)
  guide(@Body() body: LoginCodeDto) {
    return this.identity.loginGuide(body.code);
  }

  @Public()
  @Post('auth/staff')
  @HttpCode(200)
  staff(@Body() body: StaffLoginDto) {
    return this.identity.loginStaff(body.username, body.password);
  }

  @Roles('admin')
  @Post('admin/staff')
  createStaff(@Body() body: CreateStaffDto) {
    return this.identity.createStaff(body.username, body.password, body.role, body.storeId);
  }

  /** Staff accounts (never their password hashes). */
  @Roles('admin')
  @Get('admin/staff')
  listStaff() {
    return this.identity.listStaff();
  }
}
