import { applyDecorators, ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, IsISO8601, Matches, ValidateIf, type ValidationOptions } from 'class-validator';
import { AppError, ErrorDetail } from './app-error.js';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whether a request value holds a NUL character in any string or key (iterative: no deep recursion). */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      pending.push(...v);
    } else if (v !== null && typeof v === 'object') {
      // Only plain parsed JSON/query objects: never walk a Buffer or a stream byte by byte.
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) continue;
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

const MAX_DETAILS = 20;
const invalid = (details: ErrorDetail[]) =>
  AppError.badRequest('VALIDATION_FAILED', 'The request body is not valid', details.slice(0, MAX_DETAILS));

/** The properties a DTO declares (any validation decorator), cached per class. */
type DtoClass = abstract new (...args: never[]) => unknown;
const knownByDto = new WeakMap<DtoClass, Set<string>>();
function knownProperties(dto: DtoClass): Set<string> {
  let known = knownByDto.get(dto);
  if (!known) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
    known = new Set(metadata.map((m) => m.propertyName));
    knownByDto.set(dto, known);
  }
  return known;
}

/** A body's own unknown keys, found in one pass before class-transformer copies the body. */
function unknownKeys(pipe: AppValidationPipe, value: unknown, metadata: ArgumentMetadata): string[] {
  const dto = metadata.metatype;
  if (metadata.type !== 'body' || !dto || !value || typeof value !== 'object' || Array.isArray(value)) return [];
  const known = pipe.validates(metadata) ? knownProperties(dto) : null;
  return known?.size ? Object.keys(value).filter((key) => !known.has(key)) : [];
}

/**
 * The global pipe: refuses NUL characters in any body, query or path input; refuses a body's unknown
 * keys cheaply (a body stuffed with up to the 1,000 keys the parser admits costs no more than its key
 * count); then validates the DTO.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom' && containsNul(value)) {
      throw AppError.badRequest('VALIDATION_FAILED', 'Text must not contain NUL characters', [
        { field: metadata.data ?? metadata.type, message: 'must not contain NUL (\\u0000) characters' },
      ]);
    }
    const unknown = unknownKeys(this, value, metadata);
    if (unknown.length)
      throw invalid(unknown.map((field) => ({ field, message: `property ${field} should not exist` })));
    return super.transform(value, metadata);
  }

  validates(metadata: ArgumentMetadata): boolean {
    return this.toValidate(metadata);
  }
}

/** Unknown fields are rejected, never dropped (docs/DOMAIN.md conventions); NUL characters never get in. */
export function createValidationPipe() {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}

/** An ISO-8601 date-time that names its offset (`Z` or ±hh:mm): never read as some zone by guess. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an ISO-8601 date-time with an offset (Z or ±hh:mm)',
    }),
  );
}

/**
 * An optional field that may be absent but never `null`: unlike `@IsOptional()`, an explicit `null`
 * still runs the field's other validators and fails them (docs/DOMAIN.md: absent and `null` differ).
 */
export function OptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
