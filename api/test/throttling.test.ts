import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { redeem, storeKey } from './support/counter.js';
import { adminToken } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

// docs/DOMAIN.md "Operations": 429 TOO_MANY_REQUESTS with Retry-After — POST /api/auth/staff per username and
// per client, POST /api/auth/* per client, POST /api/pos/* per store key; X-Forwarded-For only counts
// when TRUST_PROXY names the proxy.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let behindProxy: TestStack; // TRUST_PROXY=127.0.0.1: X-Forwarded-For names the client
let direct: TestStack; // no TRUST_PROXY: the socket's address is the client
let directAdmin: string;

const staffLogin = (stack: TestStack, username: string, client?: string, password = 'wrong-password') =>
  stack.client.post('/api/auth/staff', { username, password }, undefined, client ? { 'x-forwarded-for': client } : {});

const expectTooMany = (res: { status: number; body: any; headers: Headers }) => {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('TOO_MANY_REQUESTS');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
};

beforeAll(async () => {
  behindProxy = await startStack({
    TRUST_PROXY: '127.0.0.1',
    THROTTLE_AUTH_PER_CLIENT: '5/1m',
    THROTTLE_STAFF_PER_CLIENT: '3/10m',
    THROTTLE_STAFF_PER_USERNAME: '3/10m',
  });
  direct = await startStack({ THROTTLE_STAFF_PER_CLIENT: '4/10m', THROTTLE_POS_PER_KEY: '2/1m' });
  directAdmin = await adminToken(direct); // the first of the 4 staff logins from 127.0.0.1
});
afterAll(async () => {
  await behindProxy?.close();
  await direct?.close();
});

describe('staff login limits', () => {
  it('locks a username after 3 wrong passwords, whichever clients they come from', async () => {
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expect((await staffLogin(behindProxy, 'admin', ip)).status).toBe(401);
    expectTooMany(await staffLogin(behindProxy, 'admin', '10.0.0.4'));
    // Even the right password waits now; another username is not affected.
    expectTooMany(await staffLogin(behindProxy, 'ADMIN', '10.0.0.5', 'admin-demo-password'));
    expect((await staffLogin(behindProxy, `nobody-${randomUUID()}`, '10.0.0.6')).status).toBe(401);
  });

  it('limits one client trying many usernames', async () => {
    for (let i = 0; i < 3; i++)
      expect((await staffLogin(behindProxy, `guess-${i}-${randomUUID()}`, '10.0.1.1')).status).toBe(401);
    expectTooMany(await staffLogin(behindProxy, `guess-4-${randomUUID()}`, '10.0.1.1'));
    expect((await staffLogin(behindProxy, `guess-5-${randomUUID()}`, '10.0.1.2')).status).toBe(401);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY', async () => {
    // The admin's login in beforeAll was the first of 4 from 127.0.0.1.
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3'])
      expect((await staffLogin(direct, `xff-${randomUUID()}`, ip)).status).toBe(401);
    expectTooMany(await staffLogin(direct, `xff-${randomUUID()}`, '10.1.0.4'));
  });
});

describe('other limits', () => {
  it('limits every POST /api/auth/* per client', async () => {
    const login = (ip: string) =>
      behindProxy.client.post('/api/auth/guide', { code: `nobody.${randomUUID()}` }, undefined, {
        'x-forwarded-for': ip,
      });
    for (let i = 0; i < 5; i++) expect((await login('10.0.2.1')).status).not.toBe(429);
    expectTooMany(await login('10.0.2.1'));
    expect((await login('10.0.2.2')).status).not.toBe(429);
  });

  it('limits POST /api/pos/* per store key', async () => {
    const store = await direct.client.post('/api/admin/stores', { name: '限流店', city: '上海' }, directAdmin);
    const a = await storeKey(direct, directAdmin, store.body.id);
    const b = await storeKey(direct, directAdmin, store.body.id);
    for (let i = 0; i < 2; i++) expect((await redeem(direct, a.key, {})).status).toBe(400);
    expectTooMany(await redeem(direct, a.key, {}));
    expect((await redeem(direct, b.key, {})).status).toBe(400);
  });
});

describe('with REDIS_URL', () => {
  it('shares the counts between API instances', async () => {
    const env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: `gs-test-${randomUUID()}:`,
      TRUST_PROXY: '127.0.0.1',
      THROTTLE_STAFF_PER_USERNAME: '3/10m',
    };
    const [one, two] = [await startStack(env), await startStack(env)];
    try {
      expect((await staffLogin(one, 'admin', '10.2.0.1')).status).toBe(401);
      expect((await staffLogin(two, 'admin', '10.2.0.2')).status).toBe(401);
      expect((await staffLogin(one, 'admin', '10.2.0.3')).status).toBe(401);
      expectTooMany(await staffLogin(two, 'admin', '10.2.0.4'));
      expectTooMany(await staffLogin(one, 'admin', '10.2.0.5'));
    } finally {
      await one.close();
      await two.close();
    }
  });
});
