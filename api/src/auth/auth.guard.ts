import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { AccessChecks } from './access-checks.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { GuidesService } from '../guides/guides.service.js';
import { TokenService } from './tokens.js';

/**
 * 401 without a valid bearer token, 403 for a role the handler does not admit. Handlers are closed
 * by default: one without @Roles admits any signed-in role; only @Public() opens it. A guide's token
 * is only as good as the guide: once they depart, it answers 401 at once (their status is read on
 * every guide request; consumer requests such as visits read nothing).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly guides: GuidesService,
    private readonly access: AccessChecks,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: unknown }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await this.tokens.verify(match[1]) : null;
    if (!principal) throw AppError.unauthorized();
    if (principal.role === 'guide' && !(await this.guides.isActive(principal.sub)))
      throw AppError.unauthorized('This guide has departed; their sign-in no longer works', 'GUIDE_DEPARTED');
    // A holder revoked since the token was issued (a deleted member account): as if no token.
    if (!(await this.access.allows(principal))) throw AppError.unauthorized();
    if (roles && !roles.includes(principal.role)) throw AppError.forbidden(`This needs the role ${roles.join(' or ')}`);
    request.principal = principal;
    return true;
  }
}
