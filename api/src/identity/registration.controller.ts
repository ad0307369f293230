import { Body, Controller, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IsString, Length } from 'class-validator';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { RegistrationService } from './registration.service.js';
import type { Principal } from '../auth/tokens.js';
import { answerCreate } from '../common/idempotency-key.js';

export class RegisterMemberDto {
  /** The `getPhoneNumber` button's `e.detail.code` (single-use, ~5 minutes). */
  @IsString()
  @Length(1, 128)
  phoneCode!: string;
}

@Controller('members')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  /** 201 when this call registered the member; 200 with the same member when already registered. */
  @Roles('consumer')
  @Post('register')
  async register(
    @CurrentUser() user: Principal,
    @Body() body: RegisterMemberDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member, created } = await this.registration.register(user.sub, body.phoneCode);
    return answerCreate(reply, !created, member);
  }
}
