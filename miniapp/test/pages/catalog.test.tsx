import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import CatalogPage from '../../src/pages/index/index';
import LivesPage from '../../src/pages/lives/index';
import LivePage from '../../src/pages/live/index';
import { currentLiveId } from '../../src/lib/checkout';
import { currentShareCode } from '../../src/lib/entry';
import { apiError, CODE, installApi, never, products, requestsTo } from '../helpers';

describe('catalog page (pages/index/index)', () => {
  it('shows loading while products load', () => {
    installApi({ 'GET /api/products': () => never(), 'GET /api/categories': () => never() });
    render(<CatalogPage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
  });

  it('shows an empty state', async () => {
    installApi({ 'GET /api/products': [] });
    render(<CatalogPage />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('暂无商品');
  });

  it('shows a Chinese message for a server error (not its text or code), and retries', async () => {
    installApi({ 'GET /api/products': apiError(503, 'SERVICE_UNAVAILABLE', 'maintenance') });
    render(<CatalogPage />);
    const err = await screen.findByTestId('state-error');
    expect(err).toHaveTextContent('服务器开小差了，请稍后重试');
    expect(err).not.toHaveTextContent('maintenance');
    expect(err).not.toHaveTextContent('SERVICE_UNAVAILABLE');
    expect(err).toHaveAttribute('data-code', 'SERVICE_UNAVAILABLE');
    installApi({ 'GET /api/products': products });
    fireEvent.click(screen.getByTestId('retry'));
    expect(await screen.findAllByTestId('product-card')).toHaveLength(2);
  });

  it('lists products with ¥ prices from fen and opens the detail page', async () => {
    installApi({ 'GET /api/products': products });
    render(<CatalogPage />);
    const cards = await screen.findAllByTestId('product-card');
    expect(cards[0]).toHaveTextContent('轻羽速干T恤');
    expect(cards[0]).toHaveTextContent('¥99.00起');
    expect(cards[1]).toHaveTextContent('¥259.00');
    fireEvent.click(cards[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=p2' });
  });

  it('entered through a store card: records the visit and keeps the code for re-share', async () => {
    __mock.setRouter({ s: CODE });
    __mock.setLaunchOptions({ scene: 1008, chatType: 3, query: { s: CODE } });
    installApi({ 'GET /api/products': products, 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    render(<CatalogPage />);
    expect(await screen.findByTestId('share-badge')).toBeInTheDocument();
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(1));
    expect(requestsTo('POST', '/api/visits')[0].data).toEqual({
      shareCode: CODE,
      scene: 1008,
      chatType: 3,
      path: `pages/index/index?s=${CODE}`,
    });
    expect(currentShareCode()).toBe(CODE);
    expect(__mock.triggerShare()).toMatchObject({ path: `/pages/index/index?s=${CODE}` });
  });
});

const now = Date.now();
const iso = (ms: number) => new Date(now + ms).toISOString();
const lives = [
  { id: 'l-ended', title: '春季上新回放', storeId: 'st1', startsAt: iso(-7200e3), endsAt: iso(-3600e3) },
  { id: 'l-live', title: '周末通勤穿搭', storeId: 'st1', startsAt: iso(-600e3), endsAt: iso(3600e3) },
  { id: 'l-next', title: '新品预告', storeId: 'st2', startsAt: iso(86400e3), endsAt: iso(90000e3) },
];

describe('lives page', () => {
  it('loading', () => {
    installApi({ 'GET /api/lives': () => never() });
    render(<LivesPage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
  });

  it('empty', async () => {
    installApi({ 'GET /api/lives': [], 'GET /api/stores': [] });
    render(<LivesPage />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('暂无直播');
  });

  it('error', async () => {
    installApi({ 'GET /api/lives': apiError(500, 'INTERNAL', 'Something went wrong on our side') });
    render(<LivesPage />);
    expect(await screen.findByTestId('state-error')).toHaveTextContent('服务器开小差了，请稍后重试');
  });

  it('lists live first, then upcoming, then ended, with store names', async () => {
    installApi({ 'GET /api/lives': lives, 'GET /api/stores': [{ id: 'st1', name: '静安店', city: '上海' }] });
    render(<LivesPage />);
    const cards = await screen.findAllByTestId('live-card');
    expect(cards.map((c) => c.getAttribute('data-phase'))).toEqual(['live', 'upcoming', 'ended']);
    expect(cards[0]).toHaveTextContent('直播中');
    expect(cards[0]).toHaveTextContent('静安店');
    fireEvent.click(cards[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/live/index?id=l-live' });
  });

  it('still lists lives when stores fail', async () => {
    installApi({ 'GET /api/lives': lives, 'GET /api/stores': apiError(500, 'X', 'x') });
    render(<LivesPage />);
    expect(await screen.findAllByTestId('live-card')).toHaveLength(3);
  });
});

describe('live page (a live card entry)', () => {
  it('records the visit, remembers the running live for checkout and re-shares with the code', async () => {
    __mock.setRouter({ id: 'l-live', s: CODE });
    installApi({
      'GET /api/lives': lives,
      'GET /api/products': products,
      'POST /api/visits': () => ({ statusCode: 202, data: null }),
    });
    render(<LivePage />);
    expect(await screen.findByTestId('live-phase')).toHaveTextContent('直播中');
    expect(screen.getAllByTestId('product-card')).toHaveLength(2);
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(1));
    expect(currentLiveId()).toBe('l-live');
    expect(__mock.triggerShare()).toMatchObject({ path: `/pages/live/index?id=l-live&s=${CODE}` });
  });

  it('does not tie orders to an ended live', async () => {
    __mock.setRouter({ id: 'l-ended' });
    installApi({ 'GET /api/lives': lives, 'GET /api/products': [] });
    render(<LivePage />);
    expect(await screen.findByTestId('live-phase')).toHaveTextContent('已结束');
    expect(currentLiveId()).toBeNull();
  });

  it('shows not found for an unknown live', async () => {
    __mock.setRouter({ id: 'nope' });
    installApi({ 'GET /api/lives': lives, 'GET /api/products': [] });
    render(<LivePage />);
    expect(await screen.findByTestId('state-error')).toHaveAttribute('data-code', 'NOT_FOUND');
  });
});
