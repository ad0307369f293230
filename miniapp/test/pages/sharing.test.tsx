// Sharing inside WeChat on the consumer side: Moments (onShareTimeline and single-page mode),
// mini-program code entries (scene only), and cards opened in a group (getGroupEnterInfo).
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import ProductPage from '../../src/pages/product/index';
import LivePage from '../../src/pages/live/index';
import { apiError, CODE, installApi, products, requestsTo } from '../helpers';

const productRoutes = {
  'GET /api/products/:id': ({ params }: { params: { id: string } }) => products.find((p) => p.id === params.id),
  'POST /api/visits': { accepted: true },
};

describe('Moments (朋友圈)', () => {
  it('the product page shares to Moments with the guide code in the query', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    installApi(productRoutes);
    render(<ProductPage />);
    await screen.findByTestId('product-name');
    expect(__mock.triggerShareTimeline()).toEqual({
      title: '城市通勤双肩包 ¥259.00',
      query: `id=p2&s=${CODE}`,
      imageUrl: 'https://img.test/p2.png',
    });
  });

  it('single-page mode (scene 1154): shows the product and the way into the full app, never logs in', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    __mock.setLaunchOptions({ path: 'pages/product/index', scene: 1154, query: { id: 'p2', s: CODE } });
    installApi(productRoutes);
    render(<ProductPage />);
    expect(await screen.findByTestId('product-name')).toHaveTextContent('城市通勤双肩包');
    expect(screen.getByTestId('timeline-banner')).toHaveTextContent('前往小程序');
    expect(screen.getByTestId('buy-now').parentElement).toHaveClass('actionbar--hidden');
    await new Promise((r) => setTimeout(r, 0));
    expect(Taro.login).not.toHaveBeenCalled();
    expect(requestsTo('POST', '/api/visits')).toHaveLength(0);
    expect(requestsTo('POST', '/api/auth/wechat')).toHaveLength(0);
  });

  it('tapping through (scene 1155) is the full app: the visit is recorded', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    __mock.setLaunchOptions({ path: 'pages/product/index', scene: 1155, query: { id: 'p2', s: CODE } });
    installApi(productRoutes);
    render(<ProductPage />);
    await screen.findByTestId('product-name');
    expect(screen.queryByTestId('timeline-banner')).toBeNull();
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(1));
    expect(requestsTo('POST', '/api/visits')[0]!.data).toMatchObject({ shareCode: CODE, scene: 1155 });
  });

  it('the live page shares to Moments too', async () => {
    const live = {
      id: 'l1',
      title: '周末直播',
      storeId: 's1',
      startsAt: new Date(Date.now() + 3600e3).toISOString(),
      endsAt: new Date(Date.now() + 7200e3).toISOString(),
    };
    __mock.setRouter({ id: 'l1', s: CODE });
    installApi({ 'GET /api/lives': [live], 'GET /api/products': products, 'POST /api/visits': { accepted: true } });
    render(<LivePage />);
    await screen.findByTestId('live-page');
    expect(__mock.triggerShareTimeline()).toEqual({ title: '直播：周末直播', query: `id=l1&s=${CODE}` });
  });
});

describe('mini-program code entry (scene only)', () => {
  it('asks the API what the code opens, then shows that product and records the visit', async () => {
    __mock.setRouter({ scene: CODE });
    __mock.setLaunchOptions({ path: 'pages/product/index', scene: 1047, query: { scene: CODE } });
    installApi({
      ...productRoutes,
      'GET /api/shares/:code': ({ params }: { params: { code: string } }) => ({
        code: params.code,
        kind: 'product',
        targetId: 'p2',
        path: `/pages/product/index?id=p2&s=${params.code}`,
      }),
    });
    render(<ProductPage />);
    expect(await screen.findByTestId('product-name')).toHaveTextContent('城市通勤双肩包');
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(1));
    expect(requestsTo('POST', '/api/visits')[0]!.data).toMatchObject({ shareCode: CODE, scene: 1047 });
    expect(__mock.triggerShare()).toMatchObject({ path: `/pages/product/index?id=p2&s=${CODE}` });
  });
});

describe('a card opened in a group chat', () => {
  const inGroup = () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    __mock.setLaunchOptions({
      path: 'pages/product/index',
      scene: 1044,
      shareTicket: 'ticket-1',
      chatType: 3,
      query: { id: 'p2', s: CODE },
    });
  };

  it('sends the group enter info with the visit', async () => {
    inGroup();
    installApi(productRoutes);
    render(<ProductPage />);
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(1));
    expect(requestsTo('POST', '/api/visits')[0]!.data).toEqual({
      shareCode: CODE,
      scene: 1044,
      chatType: 3,
      path: `pages/product/index?id=p2&s=${CODE}`,
      group: { encryptedData: 'ENCRYPTED', iv: 'IV' },
    });
    expect(Taro.getGroupEnterInfo).toHaveBeenCalled();
  });

  it('logs in again when the API holds an older session key, then records the visit without the group if still unreadable', async () => {
    inGroup();
    let calls = 0;
    installApi({
      ...productRoutes,
      'POST /api/visits': (req: { data: { group?: unknown } }) =>
        ++calls <= 2 && req.data.group
          ? apiError(400, 'GROUP_DATA_INVALID', 'The group data could not be read')
          : { accepted: true },
    });
    render(<ProductPage />);
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(3));
    const sent = requestsTo('POST', '/api/visits').map((r) => (r.data as { group?: unknown }).group);
    expect(sent).toEqual([
      { encryptedData: 'ENCRYPTED', iv: 'IV' },
      { encryptedData: 'ENCRYPTED', iv: 'IV' },
      undefined,
    ]);
    expect(requestsTo('POST', '/api/auth/wechat').length).toBeGreaterThanOrEqual(2);
  });

  it('without a shareTicket (1:1 chat) never asks for group data', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    __mock.setLaunchOptions({ path: 'pages/product/index', scene: 1007, chatType: 1, query: {} });
    installApi(productRoutes);
    render(<ProductPage />);
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(1));
    expect(requestsTo('POST', '/api/visits')[0]!.data).not.toHaveProperty('group');
    expect(Taro.getGroupEnterInfo).not.toHaveBeenCalled();
  });
});
