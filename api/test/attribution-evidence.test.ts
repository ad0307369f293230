import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// One loader feeds the attribution rules (api/src/attribution-evidence): whoever asks a rule for a
// decision gets its evidence from `AttributionEvidenceService.load`, never by reading touches itself.
const SRC = join(import.meta.dirname, '..', 'src');
const RULES = /\b(decideOnlineAttribution|decideStoreAttribution|latestTouchWithinWindow)\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((file) => ({ path: relative(SRC, file), text: readFileSync(file, 'utf8') }));

describe('attribution evidence', () => {
  it('touches are read for a decision only by the evidence loader', () => {
    const readers = files.filter((f) => /\.touchesSince\(/.test(f.text)).map((f) => f.path);
    expect(readers).toEqual(['attribution-evidence/attribution-evidence.service.ts']);
  });

  it('every caller of an attribution rule loads its evidence through the loader', () => {
    const callers = files.filter((f) => RULES.test(f.text));
    expect(callers.map((f) => f.path).sort()).toEqual([
      'identity/registration.service.ts',
      'orders/order-checkout.service.ts',
      'orders/store-orders.service.ts',
    ]);
    for (const caller of callers)
      expect(`${caller.path}: ${/\.evidence\.load\(/.test(caller.text)}`).toBe(`${caller.path}: true`);
  });
});
