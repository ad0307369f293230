#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `pnpm bench --profile`): self time by function, self time by
// package / source area, and inclusive time of chosen frames.
// usage: node scripts/bench/profile-summary.js FILE.cpuprofile [--top=25] [--inclusive=name1,name2]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, inclusive: { type: 'string' } },
});
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample time per node.
const self = new Map();
const times = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++)
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (times[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idleIds = new Set(
  profile.nodes.filter((n) => ['(idle)', '(program)'].includes(n.callFrame.functionName)).map((n) => n.id),
);
const idle = [...idleIds].reduce((a, id) => a + (self.get(id) ?? 0), 0);
const busy = total - idle;

function area(url) {
  if (!url) return '(native/V8)';
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url;
  const a = /\/(api|packages\/[^/]+)\/(?:dist|src)\/(.*)$/.exec(url);
  return a ? `${a[1]}/${a[2].split('/')[0]}` : url;
}

const fnSelf = new Map();
const areaSelf = new Map();
for (const [id, t] of self) {
  if (idleIds.has(id)) continue;
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'} ${area(url)}:${lineNumber + 1}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
  areaSelf.set(area(url), (areaSelf.get(area(url)) ?? 0) + t);
}
const pct = (t) => `${((100 * t) / busy).toFixed(1)}%`;
const top = Number(values.top);
console.log(
  `busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s sampled (idle ${((100 * idle) / total).toFixed(0)}%)\n`,
);
console.log('self time by package / area:');
for (const [k, t] of [...areaSelf].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(t).padStart(6)}  ${k}`);
console.log('\nself time by function:');
for (const [k, t] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(t).padStart(6)}  ${k}`);

if (values.inclusive) {
  console.log('\ninclusive time (each sample counted once per matching frame name):');
  for (const name of values.inclusive.split(',')) {
    let t = 0;
    for (const [id, dt] of self) {
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const f = byId.get(cur).callFrame;
        if (`${f.functionName}` === name || `${f.functionName} ${area(f.url)}`.includes(name)) {
          t += dt;
          break;
        }
      }
    }
    console.log(`  ${pct(t).padStart(6)}  ${name}`);
  }
}
