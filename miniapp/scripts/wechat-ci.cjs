#!/usr/bin/env node
// WeChat's own toolchain over the weapp build, offline: `miniprogram-ci` compiles dist/weapp as the
// DevTools / uploader would (ci.getCompiledResult) and runs the DevTools 代码质量 checks
// (ci.checkCodeQuality: JS/WXML/WXSS compression, lazy code loading, package sizes, unused files…).
// Fails on a compile error or on any failed quality item.
//
// The Project gets `attr` (the package's DefaultProjectAttr) so it never asks WeChat's servers for the
// account's attributes, and a throw-away RSA key (made here, in a temp dir, deleted afterwards): the
// key only signs uploads, which this script never does.
// Usage: node scripts/wechat-ci.cjs [distDir]
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'weapp'));
if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error(`wechat-ci: ${dist}/app.json not found — run \`pnpm --filter miniapp build:weapp\` first`);
  process.exit(2);
}

async function main() {
  const ci = require('miniprogram-ci');
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config');
  const projectConfig = JSON.parse(fs.readFileSync(path.join(dist, 'project.config.json'), 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gs-wechat-ci-'));
  try {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPath = path.join(tmp, 'throwaway.key');
    fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
    const project = new ci.Project({
      appid: projectConfig.appid,
      type: 'miniProgram',
      projectPath: dist,
      privateKeyPath,
      ignores: ['node_modules/**/*'],
      attr: async () => DefaultProjectAttr,
    });

    const files = await ci.getCompiledResult(
      { project, version: '0.0.0', setting: { es6: false, minify: true } },
      path.join(tmp, 'compiled.zip'),
    );
    const names = Object.keys(files);
    const bytes = names.reduce((n, f) => n + Buffer.byteLength(files[f]), 0);
    console.log(`wechat-ci: compiled ${names.length} files, ${(bytes / 1024).toFixed(1)} KB`);

    const items = await ci.checkCodeQuality(project);
    let failed = 0;
    for (const item of items) {
      const ok = item.success !== false;
      if (!ok) failed++;
      const detail = !ok && item.detail ? ` — ${JSON.stringify(item.detail).slice(0, 600)}` : '';
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${item.name}${item.text ? `: ${item.text}` : ''}${detail}`);
    }
    console.log(`wechat-ci: code quality ${items.length - failed}/${items.length} passed`);
    if (failed) process.exitCode = 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The compiler leaves a file watcher running: exit explicitly.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(`wechat-ci: ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  },
);
