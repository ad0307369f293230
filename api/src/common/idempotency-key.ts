import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AppError } from './app-error.js';

const KEY_SHAPE = /^[A-Za-z0-9_\-:.]{8,64}$/;

/** The required `Idempotency-Key` header (8–64 characters of [A-Za-z0-9_-:.]). */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const value = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[
    'idempotency-key'
  ];
  if (value === undefined || value === '') {
    throw AppError.badRequest('IDEMPOTENCY_KEY_REQUIRED', 'This request needs an Idempotency-Key header');
  }
  if (!KEY_SHAPE.test(value)) {
    throw AppError.badRequest(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 8–64 characters of letters, digits, _ - : .',
    );
  }
  return value;
});

/** An optional `Idempotency-Key` header (same shape when present): a retry with it lands once. */
export const OptionalIdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const value = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[
    'idempotency-key'
  ];
  if (value === undefined) return null;
  if (!KEY_SHAPE.test(value)) {
    throw AppError.badRequest(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 8–64 characters of letters, digits, _ - : .',
    );
  }
  return value;
});
