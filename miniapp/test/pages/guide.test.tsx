import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import GuideHome from '../../src/pages/guide/index';
import GuideSharePage from '../../src/pages/guide/share/index';
import { businessDate, formatRange, periodQuery } from '../../src/pages/guide/Stats';
import { guideToken } from '../../src/lib/auth';
import { apiError, CODE, installApi, loginAsGuide, never, products, requestsTo } from '../helpers';

const commissions = {
  entries: [
    {
      id: 'e1',
      orderId: 'order-abcdef123456',
      kind: 'accrual',
      amountFen: 990,
      rateBps: 500,
      availableAt: '2099-01-08T00:00:00.000Z',
      settlementId: null,
    },
    {
      id: 'e2',
      orderId: 'order-abcdef123456',
      kind: 'reversal',
      amountFen: -495,
      rateBps: 500,
      availableAt: '2099-01-09T00:00:00.000Z',
      settlementId: null,
    },
  ],
  pendingFen: 495,
  availableFen: 0,
  settledFen: 12000,
};
const figures = (o: Record<string, unknown> = {}) => ({
  shares: 0,
  visits: 0,
  visitors: 0,
  newMembers: 0,
  buyers: 0,
  orders: 0,
  onlineOrders: 0,
  storeOrders: 0,
  onlineGmvFen: 0,
  storeGmvFen: 0,
  gmvFen: 0,
  refundedFen: 0,
  gmvFenByRule: { share: 0, live_share: 0, service_guide: 0 },
  ordersByRule: { share: 0, live_share: 0, service_guide: 0 },
  commissionFen: 0,
  ...o,
});
/** GET /api/guides/me/stats as api/src/reports answers it. */
const stats = {
  guideId: 'guide-1',
  from: '2025-03-02',
  to: '2025-03-08',
  timeZone: 'Asia/Shanghai',
  ...figures({
    shares: 3,
    visits: 12,
    visitors: 7,
    newMembers: 2,
    buyers: 2,
    orders: 2,
    onlineOrders: 1,
    storeOrders: 1,
    onlineGmvFen: 39600,
    storeGmvFen: 12800,
    gmvFen: 52400,
    refundedFen: 9900,
    commissionFen: 1980,
  }),
  sharerVsServer: {
    shareGmvFen: 39600,
    serviceGmvFen: 12800,
    shareOrders: 1,
    serviceOrders: 1,
    shareOfCredit: { numerator: 39600, denominator: 52400, bps: 7557 },
  },
  days: ['02', '03', '04', '05', '06', '07', '08'].map((d, i) => ({
    date: `2025-03-${d}`,
    ...figures(
      i === 6
        ? { orders: 1, onlineGmvFen: 39600, gmvFen: 39600 }
        : i === 3
          ? { orders: 1, storeGmvFen: 12800, gmvFen: 12800 }
          : {},
    ),
  })),
};
const monthStats = {
  ...stats,
  from: '2025-03-01',
  ...figures({
    shares: 30,
    visits: 120,
    visitors: 70,
    newMembers: 9,
    buyers: 15,
    orders: 21,
    onlineGmvFen: 1234500,
    storeGmvFen: 67800,
    commissionFen: 98700,
  }),
  days: [],
};

describe('guide workbench: login', () => {
  it('shows the WeCom code login and signs in', async () => {
    installApi({
      'POST /api/auth/guide': { token: 'g-token', guide: { id: 'g1', storeId: 'store-000001', name: '小林' } },
      'GET /api/guides/me/commissions': commissions,
      'GET /api/guides/me/stats': stats,
    });
    render(<GuideHome />);
    expect(screen.getByTestId('guide-login')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('guide-code'), { target: { value: ' wx-guide-1.demo ' } });
    fireEvent.click(screen.getByTestId('guide-login-submit'));
    expect(await screen.findByTestId('guide-name')).toHaveTextContent('小林');
    expect(requestsTo('POST', '/api/auth/guide')[0].data).toEqual({ code: 'wx-guide-1.demo' });
    expect(guideToken()).toBe('g-token');
  });

  it('shows a login error from the API', async () => {
    installApi({ 'POST /api/auth/guide': apiError(403, 'GUIDE_NOT_REGISTERED', 'This WeCom account is not a guide') });
    render(<GuideHome />);
    fireEvent.change(screen.getByTestId('guide-code'), { target: { value: 'nobody.x' } });
    fireEvent.click(screen.getByTestId('guide-login-submit'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveTextContent('这个企业微信账号还没有登记为导购');
    expect(banner).not.toHaveTextContent('WeCom');
  });

  it('refuses an empty code without calling the API', async () => {
    installApi({});
    render(<GuideHome />);
    fireEvent.click(screen.getByTestId('guide-login-submit'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('请输入企业微信登录码');
    expect(__mock.state.requests).toHaveLength(0);
  });
});

describe('guide workbench: stats and commissions', () => {
  beforeEach(() => loginAsGuide());

  it('loading', () => {
    installApi({
      'GET /api/guides/me/commissions': () => never(),
      'GET /api/guides/me/stats': () => never(),
      'GET /api/stores': () => never(),
    });
    render(<GuideHome />);
    expect(screen.getAllByTestId('state-loading').length).toBeGreaterThan(0);
  });

  it('shows balances and entries (signed, in ¥)', async () => {
    installApi({
      'GET /api/guides/me/commissions': commissions,
      'GET /api/guides/me/stats': stats,
      'GET /api/stores': [{ id: 'store-0001', name: '杭州湖滨店', city: '杭州' }],
    });
    render(<GuideHome />);
    await waitFor(() => expect(screen.getByTestId('guide-store')).toHaveTextContent('杭州湖滨店'));
    expect(await screen.findByTestId('commission-pending')).toHaveTextContent('¥4.95');
    expect(screen.getByTestId('commission-settled')).toHaveTextContent('¥120.00');
    const entries = screen.getAllByTestId('commission-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('退款冲回');
    expect(entries[0]).toHaveTextContent('-¥4.95');
    expect(entries[1]).toHaveTextContent('佣金 · 订单 EF123456');
    expect(entries[1]).toHaveTextContent('¥9.90');
    expect(entries[1]).toHaveTextContent('冷静期');
    expect(entries[1]).toHaveAttribute('data-order-id', 'order-abcdef123456');
  });

  it('shows the last 7 days by default: counts, ¥ figures from fen, and the daily bars', async () => {
    installApi({ 'GET /api/guides/me/commissions': commissions, 'GET /api/guides/me/stats': stats });
    render(<GuideHome />);
    const card = await screen.findByTestId('guide-stats');
    expect(card).toHaveAttribute('data-period', '7d');
    expect(screen.getByTestId('stats-period-7d').className).toContain('seg__item--on');
    const [req] = requestsTo('GET', '/api/guides/me/stats');
    expect(req.url).toMatch(/\/api\/guides\/me\/stats\?from=\d{4}-\d{2}-\d{2}$/);
    expect(req.url).toContain(`from=${periodQuery('7d').from}`);
    expect(req.header?.Authorization).toBe('Bearer guide-token');
    expect(screen.getByTestId('stats-range')).toHaveTextContent('3月2日 – 3月8日');
    expect(screen.getByTestId('stat-shares')).toHaveTextContent('3');
    expect(screen.getByTestId('stat-visits')).toHaveTextContent('12');
    expect(screen.getByTestId('stat-visitors')).toHaveTextContent('7');
    expect(screen.getByTestId('stat-new-members')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-orders')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-buyers')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-online-gmv')).toHaveTextContent('¥396.00');
    expect(screen.getByTestId('stat-store-gmv')).toHaveTextContent('¥128.00');
    expect(screen.getByTestId('stat-commission')).toHaveTextContent('¥19.80');
    expect(screen.getByTestId('stat-commission')).toHaveAttribute('data-fen', '1980');
    for (const label of ['分享', '访问', '访客', '新会员', '订单', '线上成交额', '门店成交额', '佣金'])
      expect(card).toHaveTextContent(label);
    expect(screen.getByTestId('stats-split')).toHaveTextContent('分享成交 1 单 ¥396.00 · 专属客户成交 1 单 ¥128.00');
    expect(screen.getByTestId('stats-refunded')).toHaveTextContent('已扣除退款 ¥99.00');
    const days = screen.getAllByTestId('stats-day');
    expect(days).toHaveLength(7);
    expect(days[6]).toHaveAttribute('data-fen', '39600');
    expect(days[0]).toHaveAttribute('data-fen', '0');
    expect(days[6]).toHaveTextContent('¥396');
    expect(days[6]).toHaveTextContent('8');
  });

  it('本月 asks for the default period (this month to date) and never shows the 7-day figures as the month', async () => {
    let answerMonth: (v: unknown) => void = () => undefined;
    installApi({
      'GET /api/guides/me/commissions': commissions,
      'GET /api/guides/me/stats': (req: { url: string }) =>
        req.url.includes('from=')
          ? stats
          : new Promise((r) => {
              answerMonth = r;
            }),
    });
    render(<GuideHome />);
    expect(await screen.findByTestId('stat-orders')).toHaveTextContent('2');
    fireEvent.click(screen.getByTestId('stats-period-month'));
    await waitFor(() => expect(requestsTo('GET', '/api/guides/me/stats')).toHaveLength(2));
    expect(requestsTo('GET', '/api/guides/me/stats')[1].url).toMatch(/\/api\/guides\/me\/stats$/);
    expect(screen.queryByTestId('stat-orders')).toBeNull();
    expect(screen.getByText('正在统计…')).toBeInTheDocument();
    await act(async () => answerMonth(monthStats));
    expect(await screen.findByTestId('guide-stats')).toHaveAttribute('data-period', 'month');
    expect(screen.getByTestId('stat-orders')).toHaveTextContent('21');
    expect(screen.getByTestId('stat-online-gmv')).toHaveTextContent('¥12345.00');
    expect(screen.getByTestId('stats-range')).toHaveTextContent('3月1日 – 3月8日');
    expect(screen.queryByTestId('stats-days')).toBeNull();
  });

  it('a period without sales says so instead of drawing empty bars', async () => {
    installApi({
      'GET /api/guides/me/commissions': commissions,
      'GET /api/guides/me/stats': {
        ...stats,
        ...figures(),
        sharerVsServer: undefined,
        days: stats.days.map((d) => ({ ...d, ...figures() })),
      },
    });
    render(<GuideHome />);
    expect(await screen.findByTestId('stats-days-empty')).toHaveTextContent('这段时间还没有成交');
    expect(screen.getByTestId('stat-online-gmv')).toHaveTextContent('¥0.00');
    expect(screen.queryByTestId('stats-refunded')).toBeNull();
  });

  it('a stats error stays inside its card (commissions still show) and can be retried', async () => {
    let fail = true;
    installApi({
      'GET /api/guides/me/commissions': commissions,
      'GET /api/guides/me/stats': () => (fail ? apiError(500, 'SERVER_ERROR', '统计服务繁忙') : stats),
    });
    render(<GuideHome />);
    const err = await screen.findByTestId('stats-error');
    expect(err).toHaveTextContent('服务器开小差了');
    expect(err).not.toHaveTextContent('统计服务繁忙');
    expect(await screen.findByTestId('commission-entries')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByTestId('stats-retry'));
    expect(await screen.findByTestId('stat-orders')).toHaveTextContent('2');
  });

  it('figures reload when the workbench is shown again', async () => {
    installApi({ 'GET /api/guides/me/commissions': commissions, 'GET /api/guides/me/stats': stats });
    render(<GuideHome />);
    await screen.findByTestId('guide-stats');
    act(() => __mock.triggerDidShow());
    await waitFor(() => expect(requestsTo('GET', '/api/guides/me/stats')).toHaveLength(2));
  });

  it('periods are China business days', () => {
    // 2025-03-08 17:00Z is already 03-09 01:00 in Shanghai
    const now = Date.parse('2025-03-08T17:00:00Z');
    expect(businessDate(now)).toBe('2025-03-09');
    expect(periodQuery('7d', now)).toEqual({ from: '2025-03-03' });
    expect(periodQuery('month', now)).toEqual({});
    expect(formatRange('2025-03-03', '2025-03-09')).toBe('3月3日 – 3月9日');
    expect(formatRange('2025-03-09', '2025-03-09')).toBe('3月9日');
    expect(formatRange(undefined, '2025-03-09')).toBe('');
  });

  it('empty commissions', async () => {
    installApi({
      'GET /api/guides/me/commissions': { entries: [], pendingFen: 0, availableFen: 0, settledFen: 0 },
      'GET /api/guides/me/stats': stats,
    });
    render(<GuideHome />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('还没有佣金记录');
  });

  it('commission error shows a Chinese message for its status, not the server text', async () => {
    installApi({
      'GET /api/guides/me/commissions': apiError(500, 'LEDGER_UNAVAILABLE', 'ledger down'),
      'GET /api/guides/me/stats': stats,
    });
    render(<GuideHome />);
    expect(await screen.findByText('服务器开小差了，请稍后重试')).toBeInTheDocument();
    expect(screen.queryByText(/ledger down/)).toBeNull();
  });

  it('an expired guide token returns to the login form', async () => {
    installApi({
      'GET /api/guides/me/commissions': apiError(401, 'UNAUTHORIZED', 'expired'),
      'GET /api/guides/me/stats': apiError(401, 'UNAUTHORIZED', 'expired'),
    });
    render(<GuideHome />);
    expect(await screen.findByTestId('guide-login')).toHaveTextContent('登录已过期');
  });
});

describe('guide share page', () => {
  const share = {
    code: CODE,
    kind: 'product',
    targetId: 'p2',
    guideId: 'g1',
    storeId: 's1',
    path: `/pages/product/index?id=p2&s=${CODE}`,
    scene: CODE,
  };

  it('asks to log in first', () => {
    render(<GuideSharePage />);
    expect(screen.getByTestId('state-empty')).toHaveTextContent('请先登录导购工作台');
  });

  it('loading / empty / error of the product list', async () => {
    loginAsGuide();
    installApi({ 'GET /api/products': () => never(), 'GET /api/lives': [] });
    const { unmount } = render(<GuideSharePage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
    unmount();
    installApi({ 'GET /api/products': [], 'GET /api/lives': [] });
    const second = render(<GuideSharePage />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('暂无可分享的商品');
    second.unmount();
    installApi({ 'GET /api/products': apiError(500, 'X', 'catalog down'), 'GET /api/lives': [] });
    render(<GuideSharePage />);
    expect(await screen.findByTestId('state-error')).toHaveTextContent('服务器开小差了，请稍后重试');
  });

  it('weapp: issues a share and the card carries the API path', async () => {
    loginAsGuide();
    installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
    render(<GuideSharePage />);
    expect(__mock.triggerShare()).toEqual({ title: 'GuideShare 优选', path: '/pages/index/index' });
    const buttons = await screen.findAllByTestId('share-product');
    fireEvent.click(buttons[1]);
    expect(await screen.findByTestId('share-panel')).toHaveAttribute('data-code', CODE);
    expect(requestsTo('POST', '/api/shares')[0].data).toEqual({ kind: 'product', targetId: 'p2' });
    expect(requestsTo('POST', '/api/shares')[0].header?.Authorization).toBe('Bearer guide-token');
    expect(screen.getByTestId('share-send')).toHaveAttribute('data-open-type', 'share');
    expect(__mock.triggerShare({ from: 'button' })).toEqual({
      title: '城市通勤双肩包',
      path: `/pages/product/index?id=p2&s=${CODE}`,
      imageUrl: 'https://img.test/p2.png',
    });
    // weapp: the API's poster image, no H5 link QR
    expect(await screen.findByTestId('poster-image')).toHaveAttribute('src', 'wxfile://tmp/poster.png');
    expect(Taro.downloadFile).toHaveBeenCalledWith({
      url: `/api/shares/${CODE}/poster`,
      header: { Authorization: 'Bearer guide-token' },
    });
    expect(screen.queryByTestId('share-qr')).toBeNull();
    expect(screen.queryByTestId('share-link')).toBeNull();
  });

  it('weapp: the share sheet carries a shareTicket and offers Moments', async () => {
    loginAsGuide();
    installApi({ 'GET /api/products': products, 'GET /api/lives': [] });
    render(<GuideSharePage />);
    await screen.findAllByTestId('share-product');
    expect(Taro.showShareMenu).toHaveBeenCalledWith({
      withShareTicket: true,
      menus: ['shareAppMessage', 'shareTimeline'],
    });
  });

  it('shows the estimated commission of each product when choosing what to share', async () => {
    loginAsGuide();
    installApi({
      'GET /api/products': products,
      'GET /api/lives': [],
      'GET /api/guides/me/products/commission': [
        { productId: 'p1', rateBps: 800, minCommissionFen: 800, maxCommissionFen: 800 },
        { productId: 'p2', rateBps: 500, minCommissionFen: 995, maxCommissionFen: 1495 },
      ],
    });
    render(<GuideSharePage />);
    await waitFor(() => expect(screen.getAllByTestId('commission-estimate')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('commission-estimate');
    expect(first).toHaveTextContent('预计佣金 ¥8.00');
    expect(second).toHaveTextContent('预计佣金 ¥9.95 – ¥14.95');
  });

  describe('saving the poster', () => {
    async function openPoster() {
      loginAsGuide();
      installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
      render(<GuideSharePage />);
      fireEvent.click((await screen.findAllByTestId('share-product'))[1]);
      await screen.findByTestId('poster-image');
    }

    it('weapp: saves the downloaded poster to the album', async () => {
      await openPoster();
      fireEvent.click(screen.getByTestId('save-poster'));
      expect(await screen.findByTestId('save-result')).toHaveTextContent('已保存到相册');
      expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
    });

    it('weapp: an album permission refused before leads to settings, in Chinese', async () => {
      await openPoster();
      (Taro.saveImageToPhotosAlbum as jest.Mock).mockImplementationOnce(() =>
        Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }),
      );
      fireEvent.click(screen.getByTestId('save-poster'));
      expect(await screen.findByTestId('save-result')).toHaveTextContent('没有相册权限');
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }),
      );
      expect(Taro.openSetting).toHaveBeenCalled();
    });

    it('weapp: a poster the API cannot draw shows a Chinese error and can be retried', async () => {
      __mock.state.download = { statusCode: 502, tempFilePath: '' };
      loginAsGuide();
      installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
      render(<GuideSharePage />);
      fireEvent.click((await screen.findAllByTestId('share-product'))[1]);
      expect(await screen.findByTestId('poster-error')).toHaveTextContent(/[\u4e00-\u9fa5]/);
      __mock.state.download = { statusCode: 200, tempFilePath: 'wxfile://tmp/again.png' };
      fireEvent.click(screen.getByText('重新生成海报'));
      expect(await screen.findByTestId('poster-image')).toHaveAttribute('src', 'wxfile://tmp/again.png');
    });

    it('H5: downloads the poster file', async () => {
      process.env.TARO_ENV = 'h5';
      __mock.state.download = { statusCode: 200, tempFilePath: 'blob:http://h5.test/poster' };
      const clicked: Array<{ href: string; download: string }> = [];
      const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        clicked.push({ href: this.href, download: this.download });
      });
      await openPoster();
      fireEvent.click(screen.getByTestId('save-poster'));
      expect(await screen.findByTestId('save-result')).toHaveTextContent('海报已下载');
      expect(clicked).toEqual([{ href: 'blob:http://h5.test/poster', download: `海报-${CODE}.png` }]);
      expect(Taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
      // the browser build keeps its link QR
      expect(screen.getByTestId('share-qr')).toBeInTheDocument();
      spy.mockRestore();
    });
  });

  it('H5: shows and copies the share link', async () => {
    process.env.TARO_ENV = 'h5';
    loginAsGuide();
    installApi({ 'GET /api/products': products, 'GET /api/lives': [], 'POST /api/shares': { ...share } });
    render(<GuideSharePage />);
    fireEvent.click((await screen.findAllByTestId('share-product'))[1]);
    const link = await screen.findByTestId('share-link');
    const expected = `${window.location.origin}${window.location.pathname}#/pages/product/index?id=p2&s=${CODE}`;
    expect(link).toHaveTextContent(expected);
    fireEvent.click(screen.getByTestId('copy-link'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: expected });
  });

  it('shares a live card', async () => {
    loginAsGuide();
    const live = {
      id: 'l1',
      title: '周末直播',
      storeId: 's9',
      startsAt: new Date(Date.now() - 1000).toISOString(),
      endsAt: new Date(Date.now() + 3600e3).toISOString(),
    };
    installApi({
      'GET /api/products': products,
      'GET /api/lives': [live],
      'POST /api/shares': { ...share, kind: 'live', targetId: 'l1', path: `pages/live/index?id=l1&s=${CODE}` },
    });
    render(<GuideSharePage />);
    fireEvent.click(screen.getByTestId('share-tab-live'));
    fireEvent.click(await screen.findByTestId('share-live'));
    await screen.findByTestId('share-panel');
    expect(requestsTo('POST', '/api/shares')[0].data).toEqual({ kind: 'live', targetId: 'l1' });
    expect(__mock.triggerShare()).toMatchObject({ title: '直播：周末直播', path: `/pages/live/index?id=l1&s=${CODE}` });
  });

  it('shows a share error from the API', async () => {
    loginAsGuide();
    installApi({
      'GET /api/products': products,
      'GET /api/lives': [],
      'POST /api/shares': apiError(403, 'GUIDE_DEPARTED', 'A departed guide cannot share'),
    });
    render(<GuideSharePage />);
    fireEvent.click((await screen.findAllByTestId('share-product'))[0]);
    await waitFor(() => expect(screen.getByTestId('error-banner')).toHaveTextContent('该导购已离职'));
    expect(screen.getByTestId('error-banner')).not.toHaveTextContent('departed');
  });
});
