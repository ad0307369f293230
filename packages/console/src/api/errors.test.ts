import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { chineseMessage, hasMessage } from './errors';

/** Every error code the API can answer with, read from its sources (AppError calls). */
function apiErrorCodes(): string[] {
  const root = join(process.cwd(), 'api', 'src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.push(path);
    }
  };
  walk(root);
  const codes = new Set<string>();
  const patterns = [
    /AppError\.\w+\(\s*'([A-Z][A-Z_]+)'/g,
    /new AppError\(\s*[\w.]+,\s*'([A-Z][A-Z_]+)'/g,
    /AppError\.(?:unauthorized|forbidden)\([^)]*?,\s*'([A-Z][A-Z_]+)'\)/g,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) codes.add(m[1]);
  }
  return [...codes].sort();
}

const CJK = /[\u4e00-\u9fff]/;

describe('API errors as Chinese messages', () => {
  // A new AppError code in api/src needs its Chinese sentence in packages/console/src/api/errors.ts.
  it('has a Chinese sentence of its own for every code the API throws', () => {
    const codes = apiErrorCodes();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => !hasMessage(code))).toEqual([]);
  });

  it('never shows English or the raw code, whatever the status', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503, 418]) {
      const text = chineseMessage(status, { error: { code: 'SOMETHING_NEW', message: 'Something went wrong' } });
      expect(text).toMatch(CJK);
      expect(text).not.toMatch(/[A-Za-z]/);
    }
  });

  it('names the fields of a validation failure in Chinese', () => {
    const text = chineseMessage(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid',
        details: [
          { field: 'priceFen', message: 'priceFen must be an integer' },
          { field: 'skus.0.stock', message: 'stock must not be less than 0' },
        ],
      },
    });
    expect(text).toBe('以下内容填写有误：价格');
  });
});
