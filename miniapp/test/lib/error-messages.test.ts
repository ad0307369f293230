import fs from 'node:fs';
import path from 'node:path';
import { ERROR_MESSAGES, isRetryable, messageFor } from '../../src/lib/error-messages';
import { AppError, fromResponse, toAppError } from '../../src/lib/errors';

const apiSrc = path.resolve(__dirname, '../../../api/src');

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) tsFiles(f, out);
    else if (f.endsWith('.ts')) out.push(f);
  }
  return out;
}

/**
 * Every error code the API can answer with: the literal codes of `AppError.x(...)` / `new AppError(...)`
 * calls (the defaults of unauthorized/forbidden when none is given), and the error filter's codes.
 */
function apiErrorCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of tsFiles(apiSrc)) {
    const src = fs.readFileSync(file, 'utf8');
    if (file.endsWith(path.join('common', 'error.filter.ts'))) {
      for (const m of src.matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)) codes.add(m[1]);
      continue;
    }
    const call = /(?:AppError\.(\w+)|new AppError)\(/g;
    let m: RegExpExecArray | null;
    while ((m = call.exec(src))) {
      let i = call.lastIndex;
      for (let depth = 1; i < src.length && depth > 0; i++) {
        if (src[i] === '(') depth++;
        else if (src[i] === ')') depth--;
      }
      const literals = [...src.slice(call.lastIndex, i).matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)].map((x) => x[1]);
      literals.forEach((c) => codes.add(c));
      if (!literals.length && m[1] === 'unauthorized') codes.add('UNAUTHORIZED');
      if (!literals.length && m[1] === 'forbidden') codes.add('FORBIDDEN');
    }
  }
  return codes;
}

describe('error messages', () => {
  it('has a Chinese headline and sentence for every error code the API can answer with', () => {
    const codes = apiErrorCodes();
    expect(codes.size).toBeGreaterThan(40); // the scan found the API's codes
    expect(codes).toContain('OUT_OF_STOCK');
    const missing = [...codes].filter((c) => !ERROR_MESSAGES[c]).sort();
    expect(missing).toEqual([]);
  });

  it('every entry is Chinese text with no Latin words and no code in it', () => {
    for (const [code, [title, message]] of Object.entries(ERROR_MESSAGES)) {
      for (const text of [title, message]) {
        expect(text).toMatch(/[\u4e00-\u9fff]/);
        expect(`${code}: ${text.replace(/《[^》]*》/g, '')}`).not.toMatch(/: .*[A-Za-z]{2,}/);
      }
    }
  });

  it('an API error shows the table text, never the server message or the code', () => {
    const e = fromResponse(409, { error: { code: 'OUT_OF_STOCK', message: 'Only 2 left of sku X' } });
    expect(e.code).toBe('OUT_OF_STOCK');
    expect(e.message).toBe(ERROR_MESSAGES.OUT_OF_STOCK[1]);
    expect(e.serverMessage).toBe('Only 2 left of sku X');
    expect(e.retryable).toBe(false);
  });

  it('an unknown code falls back on its HTTP status; a body without a code too', () => {
    expect(fromResponse(400, { error: { code: 'SOMETHING_NEW', message: 'English' } }).message).toBe(
      ERROR_MESSAGES.VALIDATION_FAILED[1],
    );
    expect(fromResponse(503, 'Service Unavailable').message).toBe(ERROR_MESSAGES.SERVER_ERROR[1]);
    expect(fromResponse(418, null).message).toBe(ERROR_MESSAGES.HTTP_ERROR[1]);
    expect(messageFor('NOPE', 429).title).toBe('操作太频繁');
  });

  it('retries only what a retry can fix: network, 5xx, 429 — not 4xx', () => {
    expect(toAppError({ errMsg: 'request:fail timeout' }).retryable).toBe(true);
    expect(toAppError({ errMsg: 'request:fail timeout' }).message).not.toContain('timeout');
    expect(fromResponse(500, null).retryable).toBe(true);
    expect(fromResponse(502, { error: { code: 'WECHAT_UNAVAILABLE', message: 'x' } }).retryable).toBe(true);
    expect(fromResponse(429, { error: { code: 'TOO_MANY_REQUESTS', message: 'x' } }).retryable).toBe(true);
    expect(fromResponse(400, { error: { code: 'VALIDATION_FAILED', message: 'x' } }).retryable).toBe(false);
    expect(fromResponse(404, { error: { code: 'ORDER_NOT_FOUND', message: 'x' } }).retryable).toBe(false);
    expect(isRetryable(new AppError('VALIDATION_FAILED', '请输入 11 位手机号'))).toBe(false);
  });
});
