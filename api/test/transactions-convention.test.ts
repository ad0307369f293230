import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// docs/DEVELOPING.md "Transactions": a method that reads or writes takes its manager as a required
// parameter; outside a transaction the caller passes `tx.outside`, never nothing.
const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** An optional manager parameter, or a manager that falls back to a repository when absent. */
const OPTIONAL_MANAGER = [
  /\b\w+\?\s*:\s*EntityManager\b/,
  /:\s*EntityManager\s*\|\s*(undefined|null)\b/,
  /\b(em|manager)\s*\?\s*\w+\.getRepository\(/,
  /\b(em|manager)\s*\?\?\s*this\./,
];

describe('transactions convention', () => {
  it('no method takes an optional EntityManager', () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => OPTIONAL_MANAGER.some((pattern) => pattern.test(line)))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
