import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from './app-error.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Renders every failure in the contract's shape: `{ error: { code, message, details? } }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof AppError) {
      const { code, message, details } = exception;
      return reply.status(exception.status).send({ error: details ? { code, message, details } : { code, message } });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message = exception.message;
      return reply.status(status).send({ error: { code: CODE_BY_STATUS[status] ?? 'HTTP_ERROR', message } });
    }
    // Fastify's own errors (body parse, size) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const message = (exception as Error).message;
      return reply
        .status(fastifyStatus)
        .send({ error: { code: CODE_BY_STATUS[fastifyStatus] ?? 'BAD_REQUEST', message } });
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return reply
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
  }
}
