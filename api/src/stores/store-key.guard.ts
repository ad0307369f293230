import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { StoresService } from './stores.service.js';

/**
 * Store counters authenticate with `X-Store-Key`; the key's store becomes `request.storeId`.
 * Use together with @Public() (no bearer token) and @UseGuards(StoreKeyGuard).
 */
@Injectable()
export class StoreKeyGuard implements CanActivate {
  constructor(private readonly stores: StoresService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; storeId?: string }>();
    const key = request.headers['x-store-key'];
    const storeId = key ? await this.stores.storeIdForKey(key) : null;
    if (!storeId) throw AppError.unauthorized('A valid, unrevoked X-Store-Key is required', 'STORE_KEY_INVALID');
    request.storeId = storeId;
    return true;
  }
}

/** The store whose counter key authenticated the request. */
export const CounterStore = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<{ storeId: string }>().storeId;
});
