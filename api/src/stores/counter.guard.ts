import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';
import { TokenService, type Principal } from '../auth/tokens.js';
import { AppError } from '../common/app-error.js';
import { StoresService } from './stores.service.js';

/** Who is at the counter: a store's `X-Store-Key` (a till), or a clerk signed in to the console. */
export interface CounterActor {
  storeId: string;
  via: 'store_key' | 'clerk';
  /** The clerk's staff account id; null for a store key. */
  staffId: string | null;
}

interface CounterRequest {
  headers: Record<string, string | undefined>;
  counter?: CounterActor;
  principal?: Principal;
}

/**
 * Resolves the store a counter request acts for, from EITHER an `X-Store-Key` (unrevoked) OR a bearer
 * token of the `clerk` role (its own store only). Any other role is a 403; no credentials a 401.
 */
@Injectable()
export class CounterGuard implements CanActivate {
  constructor(
    private readonly stores: StoresService,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CounterRequest>();
    const key = request.headers['x-store-key'];
    if (key !== undefined) {
      const storeId = key ? await this.stores.storeIdForKey(key) : null;
      if (!storeId) throw AppError.unauthorized('A valid, unrevoked X-Store-Key is required', 'STORE_KEY_INVALID');
      request.counter = { storeId, via: 'store_key', staffId: null };
      return true;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const principal = bearer ? await this.tokens.verify(bearer[1]!) : null;
    if (!principal)
      throw AppError.unauthorized('A valid X-Store-Key or a clerk sign-in is required', 'STORE_KEY_INVALID');
    if (principal.role !== 'clerk' || !principal.storeId)
      throw AppError.forbidden('Only a store counter or its clerks may do this', 'COUNTER_ONLY');
    request.principal = principal;
    request.counter = { storeId: principal.storeId, via: 'clerk', staffId: principal.sub };
    return true;
  }
}

/** A store-counter endpoint: no bearer role check, the CounterGuard instead (key or clerk). */
export const CounterEndpoint = () => applyDecorators(Public(), UseGuards(CounterGuard));

/** The store the counter request acts for. */
export const CounterStore = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<CounterRequest>().counter!.storeId;
});

/** The whole counter actor (store, and the clerk when it is one). */
export const Counter = createParamDecorator((_: unknown, ctx: ExecutionContext): CounterActor => {
  return ctx.switchToHttp().getRequest<CounterRequest>().counter!;
});
