import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import MemberPage, { formatCountdown, groupCode, refreshDelay } from '../../src/pages/member/index';
import { apiError, code18, codeFor, installApi, loginAsConsumer, MEMBER, never, requestsTo } from '../helpers';

const { unregistered, bound, registered } = MEMBER;

async function flush(ms = 10) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

describe('member page: member code', () => {
  beforeEach(() => loginAsConsumer());

  it('loading', () => {
    installApi({ 'GET /api/members/me/code': () => never(), 'GET /api/members/me': () => never() });
    render(<MemberPage />);
    expect(screen.getByTestId('state-loading')).toHaveTextContent('正在生成会员码');
    expect(screen.getByTestId('profile-loading')).toHaveTextContent('正在加载');
  });

  it('error with the API message', async () => {
    installApi({
      'GET /api/members/me/code': apiError(404, 'MEMBER_NOT_FOUND', '会员不存在'),
      'GET /api/members/me': bound,
    });
    render(<MemberPage />);
    const err = await screen.findByTestId('state-error');
    expect(err).toHaveTextContent('会员不存在');
    expect(err).toHaveAttribute('data-code', 'MEMBER_NOT_FOUND');
  });

  it('shows the 18-digit code as barcode, digits and QR, and fetches a new one before it expires', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    let n = 0;
    installApi({
      'GET /api/members/me/code': () => codeFor(++n, 60_000),
      'GET /api/members/me': registered,
    });
    render(<MemberPage />);
    await flush();
    const digits = screen.getByTestId('member-code');
    expect(digits).toHaveAttribute('data-code', '900000000000000001');
    expect(digits).toHaveTextContent('9000 0000 0000 0000 01');
    expect(digits.textContent!.replace(/\s/g, '')).toMatch(/^\d{18}$/);
    const qr = screen.getByTestId('member-qr');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(qr).toHaveAttribute('data-text', '900000000000000001');
    const barcode = screen.getByTestId('member-barcode');
    expect(barcode.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(barcode).toHaveAttribute('data-text', '900000000000000001');
    // the refresh is due 15 s before expiry
    expect(screen.getByTestId('member-code-expiry')).toHaveTextContent('45秒后自动刷新');

    await flush(30_000);
    expect(screen.getByTestId('member-code-expiry')).toHaveTextContent('15秒后自动刷新');
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(1);

    await flush(15_000);
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(2);
    expect(screen.getByTestId('member-code')).toHaveAttribute('data-code', '900000000000000002');
    expect(screen.getByTestId('member-code-expiry')).toHaveTextContent('45秒后自动刷新');
  });

  it('counts down in minutes for a five-minute code', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    installApi({ 'GET /api/members/me/code': () => codeFor(7, 300_000), 'GET /api/members/me': registered });
    render(<MemberPage />);
    await flush();
    expect(screen.getByTestId('member-code-expiry')).toHaveTextContent('4分45秒后自动刷新');
    await flush(284_000);
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(1);
    await flush(1_000);
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(2);
  });

  it('a failed refresh keeps the still-valid code on screen; once expired, shows the error', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    let n = 0;
    installApi({
      'GET /api/members/me/code': () => (++n === 1 ? codeFor(1, 60_000) : apiError(503, 'SERVER_ERROR', '服务繁忙')),
      'GET /api/members/me': registered,
    });
    render(<MemberPage />);
    await flush();
    await flush(45_000); // refresh due, and it fails
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(2);
    expect(screen.getByTestId('member-code')).toHaveAttribute('data-code', '900000000000000001');
    expect(screen.getByTestId('member-code-expiry')).toHaveTextContent('刷新失败');
    expect(screen.queryByTestId('state-error')).toBeNull();

    await flush(16_000); // the shown code has expired now
    expect(screen.queryByTestId('member-code')).toBeNull();
    expect(screen.getByTestId('state-error')).toHaveTextContent('服务器开小差了，请稍后重试');
    expect(screen.getByTestId('state-error')).not.toHaveTextContent('服务繁忙'); // the server's words stay off screen
  });

  it('refreshes a due code when the page is shown again', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    let n = 0;
    installApi({ 'GET /api/members/me/code': () => codeFor(++n, 60_000), 'GET /api/members/me': registered });
    render(<MemberPage />);
    await flush();
    act(() => __mock.triggerDidShow());
    await flush();
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(1); // not due yet
    // the phone slept: the clock moved on without the timer firing
    jest.setSystemTime(Date.now() + 50_000);
    act(() => __mock.triggerDidShow());
    await flush();
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(2);
  });

  it('the 刷新 link fetches a new code', async () => {
    let n = 0;
    installApi({ 'GET /api/members/me/code': () => codeFor(++n), 'GET /api/members/me': registered });
    render(<MemberPage />);
    expect(await screen.findByTestId('member-code')).toHaveAttribute('data-code', code18(1));
    fireEvent.click(screen.getByTestId('member-code-refresh'));
    await waitFor(() => expect(screen.getByTestId('member-code')).toHaveAttribute('data-code', code18(2)));
  });

  it('links to orders and the guide workbench', async () => {
    installApi({ 'GET /api/members/me/code': codeFor(1), 'GET /api/members/me': registered });
    render(<MemberPage />);
    fireEvent.click(screen.getByTestId('menu-orders'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/orders/index' });
    fireEvent.click(screen.getByTestId('menu-guide'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/guide/index' });
    await screen.findByTestId('member-code');
  });

  it('computes refresh delays, countdowns and groups', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(refreshDelay({ code: 'x', expiresAt: '2025-01-01T00:01:00Z' }, now)).toBe(45_000);
    expect(refreshDelay({ code: 'x', expiresAt: '2025-01-01T00:05:00Z' }, now)).toBe(285_000);
    expect(refreshDelay({ code: 'x', expiresAt: '2025-01-01T00:00:10Z' }, now)).toBe(5_000);
    expect(refreshDelay({ code: 'x', expiresAt: 'garbage' }, now)).toBe(60_000);
    expect(groupCode('123456789')).toBe('1234 5678 9');
    expect(groupCode('912345678901234567')).toBe('9123 4567 8901 2345 67');
    expect(formatCountdown(285)).toBe('4分45秒');
    expect(formatCountdown(60)).toBe('1分00秒');
    expect(formatCountdown(9)).toBe('9秒');
    expect(formatCountdown(-3)).toBe('0秒');
  });
});

describe('member page: 我的专属导购 / 服务门店', () => {
  beforeEach(() => loginAsConsumer());

  it('shows the service guide and store', async () => {
    installApi({ 'GET /api/members/me/code': codeFor(1), 'GET /api/members/me': registered });
    render(<MemberPage />);
    const guide = await screen.findByTestId('service-guide');
    expect(guide).toHaveTextContent('王小美');
    expect(guide).toHaveTextContent('专属导购');
    expect(guide).toHaveAttribute('data-guide-id', 'guide-1');
    expect(screen.getByTestId('service-store')).toHaveTextContent('上海南京西路店 · 上海');
    expect(screen.getByTestId('member-registered')).toHaveTextContent('已开卡');
    expect(screen.getByTestId('member-registered')).toHaveTextContent('2025-03-08 开卡');
    expect(screen.queryByTestId('register-card')).toBeNull();
  });

  it('a departed guide is marked, and no guide / no store say so', async () => {
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': { ...registered, serviceGuide: { ...registered.serviceGuide, status: 'departed' } },
    });
    const first = render(<MemberPage />);
    expect(await screen.findByTestId('service-guide')).toHaveTextContent('已离职');
    first.unmount();

    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': { ...unregistered, registeredAt: '2025-03-08T02:00:00.000Z' },
    });
    render(<MemberPage />);
    expect(await screen.findByTestId('no-service-guide')).toHaveTextContent('暂无专属导购');
    expect(screen.getByTestId('service-store')).toHaveTextContent('暂未分配');
  });

  it('a profile error is shown in place, the code still works, and retry loads it', async () => {
    let fail = true;
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': () => (fail ? apiError(500, 'SERVER_ERROR', '会员服务异常') : registered),
    });
    render(<MemberPage />);
    const err = await screen.findByTestId('profile-error');
    expect(err).toHaveTextContent('服务开小差了：服务器开小差了，请稍后重试');
    expect(err).not.toHaveTextContent('会员服务异常');
    expect(await screen.findByTestId('member-code')).toBeInTheDocument();
    // without the profile we do not know whether to offer 开卡
    expect(screen.queryByTestId('register-card')).toBeNull();
    fail = false;
    fireEvent.click(screen.getByTestId('profile-retry'));
    expect(await screen.findByTestId('service-guide')).toHaveTextContent('王小美');
  });
});
