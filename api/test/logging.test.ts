import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/bootstrap.js';
import { freePort } from '../src/common/free-port.js';
import { loadConfig } from '../src/config/app-config.js';
import { DEMO_DEFAULTS } from '../src/config/demo-defaults.js';
import { createTestDatabase } from './support/database.js';

// One JSON line per request with its id, echoed in X-Request-Id; application logs made while
// the request runs carry the same id; no credentials in any line.
type Line = Record<string, any>;
const lines: Line[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    for (const text of String(chunk).split('\n')) if (text.trim()) lines.push(JSON.parse(text));
    done();
  },
});

let app: NestFastifyApplication;
let url: string;
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  const port = await freePort();
  const config = loadConfig(
    { DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'info', THROTTLE_STAFF_PER_USERNAME: '1/10m' },
    DEMO_DEFAULTS,
  );
  app = await createApp(config, { logStream: capture });
  await app.listen({ port, host: '127.0.0.1' });
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const until = async (find: () => Line | undefined): Promise<Line> => {
  for (let i = 0; i < 100; i++) {
    const line = find();
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no such log line in:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`);
};

describe('request logs', () => {
  it('gives each request an id, echoes it and logs one JSON line with it', async () => {
    const res = await fetch(`${url}/api/config?code=s3cret-code&page=2`, {
      headers: { authorization: 'Bearer top-secret-token' },
    });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await until(() => lines.find((l) => l.reqId === id && l.status !== undefined));
    expect(line).toMatchObject({ level: 'info', method: 'GET', status: res.status, reqId: id });
    expect(line.url).toBe('/api/config?code=***&page=2');
    expect(typeof line.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/top-secret-token|s3cret-code/);
  });

  it('keeps a safe incoming X-Request-Id and replaces an unsafe one', async () => {
    const kept = await fetch(`${url}/api/config`, { headers: { 'x-request-id': 'edge-42.a_b' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-42.a_b');
    await until(() => lines.find((l) => l.reqId === 'edge-42.a_b' && l.status === kept.status));
    const unsafe = 'bad id\u0000<script>'.padEnd(80, 'x');
    const replaced = await fetch(`${url}/api/config`, { headers: { 'x-request-id': encodeURI(unsafe) } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the request's id on application logs made while it runs", async () => {
    const res = await fetch(`${url}/api/payments/wechat/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'x' }),
    });
    const id = res.headers.get('x-request-id');
    const line = await until(() => lines.find((l) => l.reqId === id && l.context === 'WechatPayNotify'));
    expect(line.level).toBe('warn');
    expect(line.msg).toMatch(/Refused a notification/);
  });

  it('logs refused requests too (429 before any handler), without the password', async () => {
    const login = () =>
      fetch(`${url}/api/auth/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'pa55-word-secret' }),
      });
    await login();
    const refused = await login();
    expect(refused.status).toBe(429);
    const id = refused.headers.get('x-request-id');
    await until(() => lines.find((l) => l.reqId === id && l.status === 429));
    expect(JSON.stringify(lines)).not.toContain('pa55-word-secret');
  });

  it('does not log health checks', async () => {
    const health = await fetch(`${url}/api/health`);
    expect(health.headers.get('x-request-id')).toBeTruthy();
    const next = await fetch(`${url}/api/config`);
    await until(() => lines.find((l) => l.reqId === next.headers.get('x-request-id') && l.status));
    expect(lines.some((l) => l.url === '/api/health')).toBe(false);
  });

  it('logs application lines outside requests as JSON with their context', async () => {
    expect(lines.some((l) => l.context === 'Identity' && l.level === 'info')).toBe(true);
  });
});
