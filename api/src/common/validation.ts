import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf, type ValidationOptions } from 'class-validator';
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

/**
 * An optional field that may be absent but never `null`: unlike `@IsOptional()`, an explicit `null`
 * still runs the field's other validators and fails them (API.md: absent and `null` differ).
 */
export function OptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
