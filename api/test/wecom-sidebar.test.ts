// The WeCom customer sidebar page: served by the API, it signs the guide in with the OAuth code,
// asks the (stubbed) WeCom JS-SDK for the contact of the open chat and shows their card in Chinese.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JSDOM } from 'jsdom';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
}, 60_000);
afterAll(() => stack?.close());

/** Loads the page as WeCom's webview would, with `sdk` standing in for the WeCom JS-SDK. */
async function openSidebar(query: string, sdk: Record<string, unknown>) {
  const url = `${stack.url}/api/wecom/sidebar${query}`;
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const dom = new JSDOM(await res.text(), {
    url,
    runScripts: 'dangerously',
    beforeParse(window) {
      Object.assign(window, sdk);
      // jsdom has no fetch: the page's requests go to the API over loopback
      (window as unknown as { fetch: typeof fetch }).fetch = (input, init) => fetch(new URL(String(input), url), init);
    },
  });
  const card = dom.window.document.getElementById('card')!;
  for (let i = 0; i < 200 && card.getAttribute('data-state') === 'loading'; i++)
    await new Promise((r) => setTimeout(r, 25));
  return { card, text: (id: string) => card.querySelector(`[data-testid="${id}"]`)?.textContent };
}

describe('GET /api/wecom/sidebar', () => {
  it('shows the card of the contact open in the chat (ww.getCurExternalContact), in Chinese', async () => {
    const g0 = brand.guides[0]!;
    const key = `side-${randomUUID().slice(0, 8)}`;
    const buyer = await consumer(stack, key);
    await visit(stack, buyer.token, (await share(stack, g0.token, 'product', brand.product.id)).code);
    const reg = await stack.client.post(
      '/api/members/register',
      { phoneCode: `phone:13900001111.${key}` },
      buyer.token,
    );
    expect(reg.status).toBe(201);
    const o = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    await payOrder(stack, buyer.token, o.body.id);
    const contact = stack.sim.addExternalContact({
      userKey: key,
      name: '李女士',
      followUsers: [{ userId: g0.wecomUserId }],
    });

    const calls: string[] = [];
    const { card, text } = await openSidebar(`?code=${g0.wecomUserId}.${randomUUID()}`, {
      ww: {
        getCurExternalContact: async () => {
          calls.push('getCurExternalContact');
          return { userId: contact.external_userid };
        },
      },
    });
    expect(card.getAttribute('data-state')).toBe('ready');
    expect(calls).toEqual(['getCurExternalContact']);
    expect(card.querySelector('h1')!.textContent).toBe('李女士');
    expect(text('is-member')).toBe('已开卡');
    expect(text('service-guide')).toBe('导购0');
    expect(text('service-store')).toBe('上海店');
    expect(text('lifetime-gmv')).toBe('¥100.00');
  });

  it('works with the older jWeixin wx.invoke too, and explains in Chinese outside a chat or without a guide', async () => {
    const g0 = brand.guides[0]!;
    const contact = stack.sim.addExternalContact({
      userKey: `side-new-${randomUUID().slice(0, 6)}`,
      name: '新客户',
      followUsers: [{ userId: g0.wecomUserId }],
    });
    const viaWx = await openSidebar(`?code=${g0.wecomUserId}.${randomUUID()}`, {
      wx: {
        invoke: (name: string, _args: unknown, cb: (r: unknown) => void) =>
          cb({ err_msg: `${name}:ok`, userId: contact.external_userid }),
      },
    });
    expect(viaWx.card.getAttribute('data-state')).toBe('ready');
    expect(viaWx.text('is-member')).toBe('未开卡');

    const noChat = await openSidebar(`?code=${g0.wecomUserId}.${randomUUID()}`, {
      ww: { getCurExternalContact: async () => Promise.reject(new Error('without context of external contact')) },
    });
    expect(noChat.card.getAttribute('data-state')).toBe('error');
    expect(noChat.card.textContent).toContain('未识别到当前客户');

    const noGuide = await openSidebar('', {
      ww: { getCurExternalContact: async () => ({ userId: contact.external_userid }) },
    });
    expect(noGuide.card.getAttribute('data-state')).toBe('error');
    expect(noGuide.card.textContent).toContain('请以导购身份打开');
  });
});
