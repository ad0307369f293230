import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@guideshare/contracts';
import type { Principal } from './tokens.js';

export const ROLES_KEY = 'guideshare:roles';
export const PUBLIC_KEY = 'guideshare:public';

/** Who may call the handler. Every handler is closed unless it names roles or is @Public(). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
