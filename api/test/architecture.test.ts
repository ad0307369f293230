import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const SRC = join(import.meta.dirname, '..', 'src');
/** Cross-cutting folders every domain may use; they may in turn register every domain. */
const INFRASTRUCTURE = new Set([
  'auth',
  'common',
  'config',
  'database',
  'seed',
  'wechat',
  'app.module.ts',
  'bootstrap.ts',
  'demo.ts',
  'index.ts',
  'main.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Runtime imports (type-only imports vanish at compile time and cannot form a load cycle). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) =>
    normalize(join(dirname(file), m[1].replace(/\.js$/, '.ts'))),
  );
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys())
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  return null;
}

const files = sourceFiles(SRC);
const fileGraph = new Map(files.map((f) => [f, new Set(runtimeImports(f))]));
const folderOf = (file: string) => relative(SRC, file).split('/')[0];

describe('api/src structure', () => {
  it('has no import cycle between files', () => {
    const cycle = findCycle(fileGraph);
    expect(cycle?.map((f) => relative(SRC, f)) ?? null).toBeNull();
  });

  it('has no cycle between domain modules (folders)', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, deps] of fileGraph) {
      const from = folderOf(file);
      if (INFRASTRUCTURE.has(from)) continue;
      for (const dep of deps) {
        const to = folderOf(dep);
        if (to !== from && !INFRASTRUCTURE.has(to)) folders.set(from, (folders.get(from) ?? new Set()).add(to));
      }
    }
    expect(findCycle(folders)).toBeNull();
    expect(folders.size).toBeGreaterThan(5); // the graph was really built
  });
});
