// `pnpm test`: every suite, in order — type check + build, unit/property/API/page tests (jest), the
// hostile-bodies check of the built API, the mini-program builds with WeChat's own compiler and
// code-quality check and the weapp size budget, the browser test of the H5 build, and the web
// console's type check, build and browser test (on MariaDB).
// Ends with one line "tests: N passed, N failed" that counts every test that ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpmCommand } from './pnpm.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const timings = [];

function step(name, command, args, options = {}) {
  if (only.length && !only.includes(name)) return true;
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  const ok = result.status === 0;
  if (!options.counted) {
    if (ok) passed++;
    else failed++;
  }
  if (!ok) console.error(`=== ${name} FAILED (exit ${result.status})`);
  return ok;
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');

step('typecheck', process.execPath, [tsc, '-b']);
step('format', process.execPath, [
  join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
  '--check',
  '--log-level=warn',
  '.',
]);
step('lint', process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--max-warnings=0', '.']);
step('typecheck-tests', process.execPath, [tsc, '-p', 'tsconfig.test.json']);

const report = join(mkdtempSync(join(tmpdir(), 'gs-jest-')), 'report.json');
step('jest', process.execPath, ['--experimental-vm-modules', jest, '--ci', '--json', `--outputFile=${report}`], {
  counted: true,
  env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-warnings=ExperimentalWarning`.trim() },
});
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
} else if (!only.length || only.includes('jest')) failed++;

// Three API instances on a three-node Galera cluster: the guarantees across instances and nodes.
step('cluster', process.execPath, [join(root, 'scripts', 'cluster', 'test.js')]);

// Hostile request bodies against the built API on MariaDB: refused cheaply, /api/health stays fast.
step('hostile-bodies', process.execPath, [join(root, 'scripts', 'hostile-bodies.js')]);

if (existsSync(join(root, 'miniapp', 'config'))) {
  const pnpm = (name, script) => step(name, ...pnpmCommand(['--filter', 'miniapp', script]));
  pnpm('miniapp-typecheck', 'typecheck');
  pnpm('weapp-build', 'build:weapp');
  pnpm('wechat-ci', 'wechat-ci');
  pnpm('weapp-size', 'size');
  pnpm('h5-build', 'build:h5');
  step('browser', process.execPath, [join(root, 'scripts', 'browser-test.js')]);
}

if (existsSync(join(root, 'packages', 'console', 'vite.config.ts'))) {
  const consolePnpm = (name, script) => step(name, ...pnpmCommand(['--filter', '@guideshare/console', script]));
  consolePnpm('console-typecheck', 'typecheck');
  consolePnpm('console-build', 'build');
  step('console-browser', process.execPath, [join(root, 'scripts', 'console-browser-test.js')]);
}

console.log(`\n${timings.join(' · ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
