import { Injectable } from '@nestjs/common';
import type { Role } from '@guideshare/contracts';
import type { Principal } from './tokens.js';

export type AccessCheck = (principal: Principal) => Promise<boolean>;

/**
 * Checks a signed token's holder still exists, per role, registered by the domain that knows (a
 * deleted member account, …). Tokens are stateless; these make a revoked holder's token a 401 at once.
 */
@Injectable()
export class AccessChecks {
  private readonly checks = new Map<Role, AccessCheck[]>();

  register(role: Role, check: AccessCheck): void {
    this.checks.set(role, [...(this.checks.get(role) ?? []), check]);
  }

  async allows(principal: Principal): Promise<boolean> {
    for (const check of this.checks.get(principal.role) ?? []) if (!(await check(principal))) return false;
    return true;
  }
}
