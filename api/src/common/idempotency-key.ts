import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from './app-error.js';

const KEY_SHAPE = /^[A-Za-z0-9_\-:.]{8,64}$/;

const header = (ctx: ExecutionContext): string | undefined =>
  ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['idempotency-key'];

function shaped(value: string): string {
  if (!KEY_SHAPE.test(value)) {
    throw AppError.badRequest(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 8–64 characters of letters, digits, _ - : .',
    );
  }
  return value;
}

/** The required `Idempotency-Key` header (8–64 characters of [A-Za-z0-9_-:.]). */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const value = header(ctx);
  if (value === undefined || value === '') {
    throw AppError.badRequest('IDEMPOTENCY_KEY_REQUIRED', 'This request needs an Idempotency-Key header');
  }
  return shaped(value);
});

/** An optional `Idempotency-Key` header (same shape when present): a retry with it lands once. */
export const OptionalIdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const value = header(ctx);
  return value === undefined ? null : shaped(value);
});

/**
 * The answer of an idempotent create: 201 when this request created the resource; 200 with
 * `Idempotent-Replayed: true` when it answers what an earlier, equal request created.
 */
export function answerCreate<T>(reply: FastifyReply, replayed: boolean, body: T): T {
  reply.status(replayed ? 200 : 201);
  if (replayed) reply.header('Idempotent-Replayed', 'true');
  return body;
}
