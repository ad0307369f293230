import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { emptyFigures } from '@guideshare/contracts';
import { __mock } from '../mocks/taro';
import GuideHome from '../../src/pages/guide/index';
import { businessDate, formatRange, periodQuery } from '../../src/pages/guide/Stats';
import { guideToken } from '../../src/lib/auth';
import { apiError, installApi, loginAsGuide, never, requestsTo } from '../helpers';

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
const figures = (o: Record<string, unknown> = {}) => ({ ...emptyFigures(), ...o });
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
