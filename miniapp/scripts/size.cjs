#!/usr/bin/env node
// Prints the weapp main-package size (everything in dist/weapp outside the subpackage roots, as the
// WeChat uploader counts it; source maps and the IDE's project files excluded) and fails at or over
// the budget. Usage: node scripts/size.cjs [distDir] [--budget-kb=600]
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', 'dist', 'weapp'));
const budgetArg = args.find((a) => a.startsWith('--budget-kb='));
const BUDGET_KB = budgetArg ? Number(budgetArg.split('=')[1]) : 600;
const IGNORED = new Set(['project.config.json', 'project.private.config.json']);

const appJsonPath = path.join(dist, 'app.json');
if (!fs.existsSync(appJsonPath)) {
  console.error(`size: ${appJsonPath} not found — run \`pnpm --filter miniapp build:weapp\` first`);
  process.exit(2);
}
const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/+$/, '') + '/');

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const files = walk(dist)
  .map((f) => ({ rel: path.relative(dist, f).split(path.sep).join('/'), bytes: fs.statSync(f).size }))
  .filter((f) => !f.rel.endsWith('.map') && !IGNORED.has(f.rel));

const sub = new Map(subRoots.map((r) => [r, 0]));
let main = 0;
const mainFiles = [];
for (const f of files) {
  const root = subRoots.find((r) => f.rel.startsWith(r));
  if (root) sub.set(root, sub.get(root) + f.bytes);
  else {
    main += f.bytes;
    mainFiles.push(f);
  }
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`weapp package at ${path.relative(process.cwd(), dist) || '.'}`);
console.log('largest main-package files:');
for (const f of mainFiles.sort((a, b) => b.bytes - a.bytes).slice(0, 8))
  console.log(`  ${kb(f.bytes).padStart(10)}  ${f.rel}`);
for (const [root, bytes] of sub) console.log(`subpackage ${root}: ${kb(bytes)}`);
const total = files.reduce((s, f) => s + f.bytes, 0);
console.log(`main package: ${kb(main)} (budget ${BUDGET_KB} KB) · all packages: ${kb(total)}`);
if (main >= BUDGET_KB * 1024) {
  console.error(`size: main package ${kb(main)} is at or over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
