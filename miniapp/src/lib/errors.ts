import { isRetryable, messageFor } from './error-messages';

// One error type for everything the UI shows. `message` is always Chinese text fit for the screen:
// for API errors it comes from the code (error-messages.ts), never from the server's English text.

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Array<{ field: string; message: string }>;
  /** What the server (or the platform) said, for logs; never shown. */
  serverMessage?: string;

  constructor(code: string, message: string, status = 0, details?: Array<{ field: string; message: string }>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** A retry can help: network, server error, rate limit — not a refused request. */
  get retryable(): boolean {
    return isRetryable(this);
  }
}

export function errorTitle(code: string, status = 0): string {
  return messageFor(code, status).title;
}

const STATUS_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * The AppError of a non-2xx response: the contract's `error.code` (else one from the status), and the
 * Chinese sentence for it as `message`. The server's own text is kept in `serverMessage` for logs only.
 */
export function fromResponse(status: number, body: unknown): AppError {
  const raw = (body as { error?: unknown } | null)?.error;
  // The contract's {error:{code,message}}; tolerate {error:"text"} (the simulator's control routes).
  const err = (typeof raw === 'string' ? { message: raw } : raw) as
    { code?: unknown; message?: unknown; details?: unknown } | undefined;
  const code =
    typeof err?.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(err.code)
      ? err.code
      : (STATUS_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR'));
  const details = Array.isArray(err?.details) ? (err!.details as AppError['details']) : undefined;
  const error = new AppError(code, messageFor(code, status).message, status, details);
  if (typeof err?.message === 'string') error.serverMessage = err.message;
  return error;
}

/** Anything thrown by a request (wx.request fail, fetch TypeError…) is the network's fault. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const error = new AppError('NETWORK_ERROR', messageFor('NETWORK_ERROR', 0).message);
  const raw =
    (e as { errMsg?: string; message?: string } | null)?.errMsg ?? (e as { message?: string } | null)?.message;
  if (raw) error.serverMessage = raw;
  return error;
}
