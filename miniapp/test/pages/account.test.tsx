import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import PrivacyPage from '../../src/pages/account/privacy/index';
import MyDataPage from '../../src/pages/account/data/index';
import { PrivacyPopup } from '../../src/components/PrivacyPopup';
import { installPrivacyHandler, requirePrivacy } from '../../src/lib/privacy';
import { KEYS } from '../../src/lib/storage';
import type { MemberDataExport, MemberProfile, Order } from '@guideshare/contracts';
import { apiError, installApi, loginAsConsumer, MEMBER, never, REMEMBERED_ADDRESS, requestsTo } from '../helpers';

/** What GET /api/members/me/data answers: a registered member bound to 王小美, two paid orders, no visits. */
const paidOrder = (id: string): Order => ({
  id,
  status: 'PAID',
  channel: 'online',
  storeId: MEMBER.store.id,
  memberId: 'member-0001',
  totalFen: 9900,
  paidFen: 9900,
  refundedFen: 0,
  receiptNo: null,
  liveId: null,
  lines: [],
  attribution: {
    guideId: 'guide-1',
    storeId: MEMBER.store.id,
    rule: 'share',
    shareCode: null,
    touchedAt: null,
    policyVersion: 1,
    commissionable: true,
    selfReferral: false,
  },
  createdAt: '2026-11-02T02:00:00.000Z',
  paidAt: '2026-11-02T02:01:00.000Z',
  orderNo: null,
  fulfilment: null,
});
const data: MemberDataExport = {
  member: { ...(MEMBER.registered as MemberProfile), unionid: null, phone: '13800138000' },
  addresses: [{ ...REMEMBERED_ADDRESS, updatedAt: '2026-11-01T00:00:00.000Z' }],
  orders: [paidOrder('o1'), paidOrder('o2')],
  visits: [],
  afterSales: [],
  purposes: { orders: '履行订单、售后和退款' },
  exportedAt: '2026-11-30T02:00:00.000Z',
};

describe('privacy page', () => {
  it('says what is collected and why, who sees it, and links to my data', () => {
    render(<PrivacyPage />);
    const page = screen.getByTestId('privacy-page');
    expect(page).toHaveTextContent('手机号');
    expect(page).toHaveTextContent('收货地址');
    expect(page).toHaveTextContent('微信支付');
    expect(page).toHaveTextContent('注销');
    expect(screen.getAllByTestId('privacy-section')).toHaveLength(3);
    fireEvent.click(screen.getByTestId('privacy-my-data'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/account/data/index' });
  });
});

describe('my data and account deletion', () => {
  beforeEach(() => loginAsConsumer());

  it('loading', () => {
    installApi({ 'GET /api/members/me/data': () => never() });
    render(<MyDataPage />);
    expect(screen.getByTestId('state-loading')).toHaveTextContent('正在读取您的数据');
  });

  it('shows what is held, in Chinese only, with what it is kept for', async () => {
    installApi({ 'GET /api/members/me/data': data });
    render(<MyDataPage />);
    const rows = await screen.findAllByTestId('my-data-row');
    const text = rows.map((r) => r.textContent).join('|');
    expect(text).toContain('手机号13800138000');
    expect(text).toContain('微信 UnionID无');
    expect(text).toContain('专属导购王小美');
    expect(text).toContain('服务门店上海南京西路店');
    expect(text).toContain('收货地址1 条');
    expect(text).toContain('订单2 条用途：履行订单、售后和退款');
    expect(text).toContain('导购分享访问记录无');
    expect(text).not.toMatch(/[a-z]+(Id|At)\b|guide-1|store-0001/);
  });

  it('a failure shows a Chinese error with retry when it can help', async () => {
    installApi({ 'GET /api/members/me/data': apiError(503, 'INTERNAL', 'db down') });
    render(<MyDataPage />);
    expect(await screen.findByTestId('state-error')).toHaveTextContent('服务器开小差了');
    expect(screen.getByTestId('retry')).toBeInTheDocument();
  });

  it('deletion asks first; cancelled → nothing happens', async () => {
    installApi({ 'GET /api/members/me/data': data, 'DELETE /api/members/me': { deleted: true } });
    (Taro.showModal as jest.Mock).mockImplementationOnce(() => Promise.resolve({ confirm: false }));
    render(<MyDataPage />);
    fireEvent.click(await screen.findByTestId('delete-account'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect((Taro.showModal as jest.Mock).mock.calls[0][0]).toMatchObject({
      title: '注销账号',
      confirmText: '确认注销',
    });
    expect(requestsTo('DELETE', '/api/members/me')).toHaveLength(0);
  });

  it('confirmed → DELETE /api/members/me, the device forgets the member, back to the home page', async () => {
    __mock.state.storage.set(KEYS.cart, [{ skuId: 'x' }]);
    installApi({ 'GET /api/members/me/data': data, 'DELETE /api/members/me': { deleted: true } });
    render(<MyDataPage />);
    fireEvent.click(await screen.findByTestId('delete-account'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(requestsTo('DELETE', '/api/members/me')).toHaveLength(1);
    expect(__mock.state.storage.has(KEYS.consumerToken)).toBe(false);
    expect(__mock.state.storage.has(KEYS.member)).toBe(false);
    expect(__mock.state.storage.has(KEYS.cart)).toBe(false);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '账号已注销', icon: 'success' });
  });

  it('a refused deletion says why in Chinese and keeps the session', async () => {
    installApi({
      'GET /api/members/me/data': data,
      'DELETE /api/members/me': apiError(409, 'ACCOUNT_HAS_OPEN_ORDERS', 'open orders'),
    });
    render(<MyDataPage />);
    fireEvent.click(await screen.findByTestId('delete-account'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('您还有未完成的订单或售后');
    expect(__mock.state.storage.has(KEYS.consumerToken)).toBe(true);
  });
});

describe('privacy agreement (WeChat __usePrivacyCheck__)', () => {
  it('weapp: onNeedPrivacyAuthorization shows the popup; agree resolves with the button id, disagree refuses', async () => {
    let listener: ((resolve: (o: object) => void) => void) | null = null;
    (globalThis as { wx?: unknown }).wx = {
      onNeedPrivacyAuthorization: (l: typeof listener) => {
        listener = l;
      },
    };
    installPrivacyHandler();
    render(<PrivacyPopup />);
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
    const answers: object[] = [];
    await waitFor(() => expect(listener).not.toBeNull());
    act(() => listener!((o) => answers.push(o)));
    expect(screen.getByTestId('privacy-popup')).toHaveTextContent('《GuideShare 优选用户隐私保护指引》');
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    fireEvent.click(screen.getByTestId('privacy-agree'));
    expect(answers[1]).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
    act(() => listener!((o) => answers.push(o)));
    fireEvent.click(screen.getByTestId('privacy-disagree'));
    expect(answers[3]).toEqual({ event: 'disagree' });
  });

  it('H5: asks once, the answer is kept on the device', async () => {
    process.env.TARO_ENV = 'h5';
    render(<PrivacyPopup />);
    let first: Promise<boolean> | null = null;
    act(() => {
      first = requirePrivacy();
    });
    fireEvent.click(screen.getByTestId('privacy-agree'));
    await expect(first!).resolves.toBe(true);
    await expect(requirePrivacy()).resolves.toBe(true);
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
  });
});
