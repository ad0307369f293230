import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Transactions } from '../database/transactions.js';
import { PolicyModule } from '../policy/policy.module.js';
import { PolicyService } from '../policy/policy.service.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { Sweeps } from '../scheduling/sweeps.service.js';
import { MemberBindingAuditEntity } from './member-binding-audit.entity.js';
import { MemberBindingService } from './member-binding.service.js';
import { MemberCodeUseEntity } from './member-code-use.entity.js';
import { MemberCodeService } from './member-code.service.js';
import { MemberEntity } from './member.entity.js';
import { MembersService } from './members.service.js';

/** Lapsed bindings (policy `bindingValidityDays`) are dropped this often, so every view follows them. */
const BINDING_SWEEP_MS = 10 * 60_000;

/** Members and their binding; no HTTP here (MemberAccountsModule serves them), so any module may import it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MemberEntity, MemberBindingAuditEntity, MemberCodeUseEntity]),
    PolicyModule,
    SchedulingModule,
  ],
  providers: [MembersService, MemberCodeService, MemberBindingService],
  exports: [MembersService, MemberCodeService, MemberBindingService],
})
export class MembersModule implements OnModuleInit {
  constructor(
    private readonly binding: MemberBindingService,
    private readonly policy: PolicyService,
    private readonly tx: Transactions,
    private readonly sweeps: Sweeps,
  ) {}

  /** One batch of lapsed bindings dropped (idempotent: conditional updates); returns how many. */
  async sweepLapsedBindings(now = new Date()): Promise<number> {
    const policy = await this.policy.current(this.tx.outside);
    if (policy.bindingValidityDays === null) return 0;
    return this.tx.run((em) => this.binding.expireLapsed(em, policy, now));
  }

  /** On one instance at a time, like every sweep; a failing round is logged, not swallowed. */
  onModuleInit() {
    this.sweeps.every('binding-expiry', BINDING_SWEEP_MS, () => this.sweepLapsedBindings());
  }
}
