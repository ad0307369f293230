import { Body, Controller, Get, Put } from '@nestjs/common';
import { Roles } from '../auth/auth.decorators.js';
import { Transactions } from '../database/transactions.js';
import { PutPolicyDto } from './policy.dto.js';
import { PolicyService } from './policy.service.js';

@Controller('admin/policy')
@Roles('admin')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly tx: Transactions,
  ) {}

  @Get()
  get() {
    return this.policy.current(this.tx.outside);
  }

  /** Every version, newest first (orders name the version that decided them). */
  @Get('versions')
  versions() {
    return this.policy.history();
  }

  @Put()
  put(@Body() body: PutPolicyDto) {
    return this.policy.put(body);
  }
}
