import { HttpStatus } from '@nestjs/common';

export interface ErrorDetail {
  field: string;
  message: string;
}

/** A failure the client can act on: HTTP status + stable machine code + human message. */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }

  static badRequest(code: string, message: string, details?: ErrorDetail[]) {
    return new AppError(HttpStatus.BAD_REQUEST, code, message, details);
  }
  static unauthorized(message = 'Valid credentials are required', code = 'UNAUTHORIZED') {
    return new AppError(HttpStatus.UNAUTHORIZED, code, message);
  }
  static forbidden(message = 'This role may not do that', code = 'FORBIDDEN') {
    return new AppError(HttpStatus.FORBIDDEN, code, message);
  }
  static notFound(code: string, message: string) {
    return new AppError(HttpStatus.NOT_FOUND, code, message);
  }
  static conflict(code: string, message: string) {
    return new AppError(HttpStatus.CONFLICT, code, message);
  }
  static unprocessable(code: string, message: string) {
    return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
  }
  static upstream(code: string, message: string) {
    return new AppError(HttpStatus.BAD_GATEWAY, code, message);
  }
}
