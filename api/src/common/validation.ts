import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorDetail } from './app-error.js';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields are rejected, never dropped (API.md conventions). */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      AppError.badRequest('VALIDATION_FAILED', 'The request body is not valid', flatten(errors)),
  });
}
