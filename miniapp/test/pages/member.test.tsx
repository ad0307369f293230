import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import MemberPage, { formatCountdown, groupCode, refreshDelay } from '../../src/pages/member/index';
import { h5PhoneCode, maskPhone } from '../../src/pages/member/RegisterCard';
import { apiError, installApi, loginAsConsumer, never, reply, requestsTo } from '../helpers';

/** An 18-digit member code as the API issues them ('9' + 17 digits). */
const code18 = (n: number) => `9${String(n).padStart(17, '0')}`;
const codeFor = (n: number, validMs = 300_000) => ({
  code: code18(n),
  expiresAt: new Date(Date.now() + validMs).toISOString(),
});

const store = { id: 'store-0001', name: '上海南京西路店', city: '上海' };
const unregistered = {
  id: 'member-0001',
  openid: 'o-1',
  registeredAt: null,
  openingGuideId: null,
  serviceGuideId: null,
  serviceStoreId: null,
  boundAt: null,
  createdAt: '2025-03-01T08:00:00.000Z',
  serviceGuide: null,
  serviceStore: null,
};
const bound = {
  ...unregistered,
  openingGuideId: 'guide-1',
  serviceGuideId: 'guide-1',
  serviceStoreId: store.id,
  boundAt: '2025-03-01T08:00:00.000Z',
  serviceGuide: { id: 'guide-1', name: '王小美', storeId: store.id, status: 'active' },
  serviceStore: store,
};
const registered = { ...bound, registeredAt: '2025-03-08T02:00:00.000Z' };
const registerAnswer = {
  id: 'member-0001',
  openid: 'o-1',
  phone: '13800138000',
  registeredAt: '2025-03-08T02:00:00.000Z',
  openingGuideId: 'guide-1',
  serviceGuideId: 'guide-1',
  serviceStoreId: store.id,
};

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

describe('member page: 开卡 (registration)', () => {
  beforeEach(() => loginAsConsumer());

  it('weapp: the getPhoneNumber button registers with e.detail.code (201), then shows the binding', async () => {
    let done = false;
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': () => (done ? registered : unregistered),
      'POST /api/members/register': () => {
        done = true;
        return reply(201, registerAnswer);
      },
    });
    render(<MemberPage />);
    const button = await screen.findByTestId('register-wechat');
    // the same tap agrees to the privacy guidelines and asks WeChat for the number
    expect(button).toHaveAttribute('data-open-type', 'getPhoneNumber|agreePrivacyAuthorization');
    expect(screen.getByTestId('no-service-guide')).toBeInTheDocument();
    fireEvent.click(button);
    await waitFor(() => expect(screen.queryByTestId('register-card')).toBeNull());
    const [req] = requestsTo('POST', '/api/members/register');
    expect(req.data).toEqual({ phoneCode: 'wx-phone-code' });
    expect(req.header?.Authorization).toBe('Bearer consumer-token');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '开卡成功' }));
    expect(screen.getByTestId('member-registered')).toHaveTextContent('已开卡 · 138****8000');
    expect(await screen.findByTestId('service-guide')).toHaveTextContent('王小美');
    expect(requestsTo('GET', '/api/members/me')).toHaveLength(2);
  });

  it('weapp: an already registered member (200) is told so', async () => {
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': unregistered,
      'POST /api/members/register': reply(200, registerAnswer),
    });
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您已是会员' })));
    expect(await screen.findByTestId('member-registered')).toBeInTheDocument();
  });

  it('weapp: a refused phone authorisation asks again without calling the API', async () => {
    installApi({ 'GET /api/members/me/code': codeFor(1), 'GET /api/members/me': unregistered });
    __mock.setPhoneNumberResult({ errMsg: 'getPhoneNumber:fail user deny' });
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveAttribute('data-code', 'PHONE_DENIED');
    expect(banner).toHaveTextContent('开卡需要授权手机号');
    expect(requestsTo('POST', '/api/members/register')).toHaveLength(0);
    expect(screen.getByTestId('register-wechat')).toBeInTheDocument();
  });

  it('weapp: PHONE_CODE_INVALID is explained in Chinese and the button stays', async () => {
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': unregistered,
      'POST /api/members/register': apiError(
        400,
        'PHONE_CODE_INVALID',
        'WeChat refused the phone number code (40029); ask the user again',
      ),
    });
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveAttribute('data-code', 'PHONE_CODE_INVALID');
    expect(banner).toHaveTextContent('手机号验证失败');
    expect(banner).toHaveTextContent('请重新获取手机号');
    expect(screen.getByTestId('register-wechat')).toHaveTextContent('微信手机号一键开卡');
  });

  it('weapp: WeChat being down is a retryable error', async () => {
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': unregistered,
      'POST /api/members/register': apiError(
        502,
        'WECHAT_UNAVAILABLE',
        'WeChat could not give the phone number; try again',
      ),
    });
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('微信暂时无法返回手机号');
  });

  it('H5: a phone-number field sends the simulator code phone:<11 digits>.<nonce>', async () => {
    process.env.TARO_ENV = 'h5';
    let done = false;
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': () => (done ? registered : unregistered),
      'POST /api/members/register': () => {
        done = true;
        return reply(201, registerAnswer);
      },
    });
    render(<MemberPage />);
    await screen.findByTestId('register-h5');
    expect(screen.queryByTestId('register-wechat')).toBeNull();

    fireEvent.change(screen.getByTestId('register-phone'), { target: { value: '2380013800' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('请输入 11 位手机号');
    expect(requestsTo('POST', '/api/members/register')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('register-phone'), { target: { value: '138 0013 8000' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    // the phone number is personal data: the privacy agreement comes first, nothing is sent before it
    fireEvent.click(await screen.findByTestId('privacy-disagree'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('同意《用户隐私保护指引》后才能开卡');
    expect(requestsTo('POST', '/api/members/register')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('privacy-popup')).toHaveTextContent('手机号');
    fireEvent.click(screen.getByTestId('privacy-agree'));
    await waitFor(() => expect(screen.queryByTestId('register-card')).toBeNull());
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
    const phoneCode = (requestsTo('POST', '/api/members/register')[0].data as { phoneCode: string }).phoneCode;
    expect(phoneCode).toMatch(/^phone:13800138000\.[0-9a-z]+$/);
    expect(await screen.findByTestId('member-registered')).toHaveTextContent('138****8000');
  });

  it('H5: a used or bad phone code shows PHONE_CODE_INVALID', async () => {
    process.env.TARO_ENV = 'h5';
    installApi({
      'GET /api/members/me/code': codeFor(1),
      'GET /api/members/me': unregistered,
      'POST /api/members/register': apiError(
        400,
        'PHONE_CODE_INVALID',
        'WeChat refused the phone number code (40029); ask the user again',
      ),
    });
    render(<MemberPage />);
    fireEvent.change(await screen.findByTestId('register-phone'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    fireEvent.click(await screen.findByTestId('privacy-agree'));
    expect(await screen.findByTestId('error-banner')).toHaveAttribute('data-code', 'PHONE_CODE_INVALID');
    expect(screen.getByTestId('register-submit')).toHaveTextContent('立即开卡');
  });

  it('phone helpers', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone(null)).toBe('');
    const a = h5PhoneCode('13800138000', 1);
    const b = h5PhoneCode('13800138000', 1);
    expect(a).toMatch(/^phone:13800138000\.[0-9a-z]+$/);
    expect(a).not.toBe(b); // single-use codes: never the same twice
  });
});
