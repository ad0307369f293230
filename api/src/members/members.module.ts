import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberBindingAuditEntity } from './member-binding-audit.entity.js';
import { MemberBindingService } from './member-binding.service.js';
import { MemberCodeUseEntity } from './member-code-use.entity.js';
import { MemberCodeService } from './member-code.service.js';
import { MemberEntity } from './member.entity.js';
import { MembersService } from './members.service.js';

/** Members and their binding; no HTTP here (MemberAccountsModule serves them), so any module may import it. */
@Module({
  imports: [TypeOrmModule.forFeature([MemberEntity, MemberBindingAuditEntity, MemberCodeUseEntity])],
  providers: [MembersService, MemberCodeService, MemberBindingService],
  exports: [MembersService, MemberCodeService, MemberBindingService],
})
export class MembersModule {}
