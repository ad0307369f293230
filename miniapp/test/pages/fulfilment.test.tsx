import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import CheckoutPage from '../../src/pages/checkout/index';
import OrderPage from '../../src/pages/order/index';
import OrdersPage from '../../src/pages/orders/index';
import { startCheckout } from '../../src/lib/checkout';
import {
  CART_LINES,
  apiError,
  FULFILMENT,
  installApi,
  loginAsConsumer,
  never,
  products,
  REMEMBERED_ADDRESS,
  requestsTo,
  STORES,
} from '../helpers';

const { bag } = CART_LINES;
const created = { id: 'order-9', status: 'PENDING_PAYMENT', totalFen: 25900, lines: [] };

function createBody() {
  return requestsTo('POST', '/api/orders')[0]?.data as { fulfilment?: unknown } | undefined;
}

describe('checkout: delivery or pickup', () => {
  beforeEach(() => {
    loginAsConsumer();
    startCheckout('buyNow', [bag]);
  });

  it('pickup: defaults to the member service store, any store can be chosen, and the order names it', async () => {
    installApi({ ...FULFILMENT, 'POST /api/orders': created, 'POST /api/orders/:id/payment': () => never() });
    render(<CheckoutPage />);
    fireEvent.click(screen.getByTestId('fulfilment-pickup'));
    const stores = await screen.findAllByTestId('pickup-store');
    expect(stores).toHaveLength(2);
    expect(stores[1]).toHaveAttribute('data-selected', 'true'); // 杭州湖滨店 is the member's store
    expect(stores[1]).toHaveTextContent('我的门店');
    expect(screen.getByText('到店自提，免运费')).toBeInTheDocument();
    fireEvent.click(stores[0]);
    expect(screen.getAllByTestId('pickup-store')[0]).toHaveAttribute('data-selected', 'true');
    fireEvent.click(screen.getByTestId('submit-order'));
    await waitFor(() => expect(createBody()).toBeDefined());
    expect(createBody()!.fulfilment).toEqual({ type: 'pickup', storeId: STORES[0].id });
  });

  it('pickup: no store to pick → says so and does not submit', async () => {
    installApi({ ...FULFILMENT, 'GET /api/stores': [] });
    render(<CheckoutPage />);
    fireEvent.click(screen.getByTestId('fulfilment-pickup'));
    expect(await screen.findByTestId('stores-empty')).toHaveTextContent('暂无可自提的门店');
    fireEvent.click(screen.getByTestId('submit-order'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('请选择自提门店');
    expect(requestsTo('POST', '/api/orders')).toHaveLength(0);
  });

  it('pickup: stores failing to load can be retried (network), the choice waits', async () => {
    let fail = true;
    installApi({ ...FULFILMENT, 'GET /api/stores': () => (fail ? apiError(503, 'INTERNAL', 'down') : STORES) });
    render(<CheckoutPage />);
    fireEvent.click(screen.getByTestId('fulfilment-pickup'));
    const err = await screen.findByTestId('stores-error');
    expect(err).toHaveTextContent('服务器开小差了');
    fail = false;
    fireEvent.click(within(err).getByText('重试'));
    expect(await screen.findAllByTestId('pickup-store')).toHaveLength(2);
  });

  it('weapp delivery: WeChat address after the privacy agreement, sent as the contract address', async () => {
    let resolveWx: ((o: object) => void) | null = null;
    const wxApi = {
      onNeedPrivacyAuthorization: (l: (r: (o: object) => void) => void) => {
        wxApi.listener = l;
      },
      listener: null as null | ((r: (o: object) => void) => void),
      requirePrivacyAuthorize: jest.fn((o: { success: () => void }) => {
        // not agreed yet: WeChat asks the app, and goes on once the popup resolves with agree
        wxApi.listener!((answer: object) => {
          resolveWx?.(answer);
          if ((answer as { event: string }).event === 'agree') o.success();
        });
      }),
    };
    (globalThis as { wx?: unknown }).wx = wxApi;
    const answers: object[] = [];
    resolveWx = (a) => answers.push(a);
    const { installPrivacyHandler } = await import('../../src/lib/privacy');
    installPrivacyHandler();
    installApi({
      ...FULFILMENT,
      'GET /api/members/me/addresses': [],
      'POST /api/orders': created,
      'POST /api/orders/:id/payment': () => never(),
    });
    render(<CheckoutPage />);
    fireEvent.click(await screen.findByTestId('choose-address'));
    const agree = await screen.findByTestId('privacy-agree');
    expect(agree).toHaveAttribute('data-open-type', 'agreePrivacyAuthorization');
    expect(Taro.chooseAddress).not.toHaveBeenCalled(); // nothing before the agreement
    fireEvent.click(agree);
    expect(await screen.findByTestId('address-card')).toHaveTextContent('张三 13800001234');
    expect(screen.getByTestId('address-card')).toHaveTextContent('上海市 静安区 南京西路 1000 号');
    expect(answers).toContainEqual({ event: 'agree', buttonId: 'privacy-agree' });
    fireEvent.click(screen.getByTestId('submit-order'));
    await waitFor(() => expect(createBody()).toBeDefined());
    expect(createBody()!.fulfilment).toEqual({
      type: 'delivery',
      address: {
        name: '张三',
        phone: '13800001234',
        province: '上海市',
        city: '上海市',
        district: '静安区',
        detail: '南京西路 1000 号',
      },
    });
  });

  it('weapp delivery: a refused address picker falls back to the form', async () => {
    __mock.state.address = { errMsg: 'chooseAddress:fail auth deny' };
    installApi({ ...FULFILMENT, 'GET /api/members/me/addresses': [] });
    render(<CheckoutPage />);
    fireEvent.click(await screen.findByTestId('choose-address'));
    expect(await screen.findByTestId('address-form')).toBeInTheDocument();
    expect(screen.getByTestId('error-banner')).toHaveTextContent('没有拿到微信收货地址，您可以手动填写');
  });

  it('H5 delivery: the form is prefilled with the remembered address; an incomplete one is refused in Chinese', async () => {
    process.env.TARO_ENV = 'h5';
    installApi({ ...FULFILMENT, 'POST /api/orders': created, 'POST /api/orders/:id/payment': () => never() });
    render(<CheckoutPage />);
    await waitFor(() => expect(screen.getByTestId('address-name')).toHaveValue('李四'));
    expect(screen.getByTestId('address-remembered')).toHaveTextContent('已为您填入上次使用的地址');
    fireEvent.change(screen.getByTestId('address-detail'), { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('submit-order'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('请填写详细地址');
    expect(requestsTo('POST', '/api/orders')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('address-detail'), { target: { value: '湖滨路 9 号' } });
    fireEvent.click(screen.getByTestId('submit-order'));
    await waitFor(() => expect(createBody()).toBeDefined());
    expect(createBody()!.fulfilment).toEqual({
      type: 'delivery',
      address: { ...REMEMBERED_ADDRESS, detail: '湖滨路 9 号' },
    });
  });
});

const base = {
  channel: 'online',
  storeId: null,
  memberId: 'm1',
  attribution: null,
  totalFen: 19800,
  paidFen: 19800,
  refundedFen: 0,
  createdAt: '2026-11-30T08:00:00.000Z',
  paidAt: '2026-11-30T08:01:00.000Z',
  orderNo: '26113012345678',
  lines: [{ id: 'l1', skuId: 'sku-1a', quantity: 2, unitPriceFen: 9900, amountFen: 19800 }],
};
const delivery = (status: string, extra: object = {}) => ({
  ...base,
  id: 'o-del',
  status: 'PAID',
  fulfilment: { type: 'delivery', status, address: REMEMBERED_ADDRESS, ...extra },
});
const pickup = (status: string, extra: object = {}) => ({
  ...base,
  id: 'o-pick',
  status: 'PAID',
  fulfilment: { type: 'pickup', status, storeId: STORES[1].id, ...extra },
});

describe('order page: where the order is', () => {
  beforeEach(() => loginAsConsumer());
  const routes = { 'GET /api/products': products, 'GET /api/stores': STORES, 'GET /api/orders/:id/after-sales': [] };

  it('delivery waiting to ship: 待发货 is the current step, the address is shown', async () => {
    __mock.setRouter({ id: 'o-del' });
    installApi({ ...routes, 'GET /api/orders/:id': delivery('PENDING') });
    render(<OrderPage />);
    const card = await screen.findByTestId('fulfilment-card');
    const steps = within(card).getAllByTestId('fulfilment-step');
    expect(steps.map((s) => [s.textContent, s.getAttribute('data-state')])).toEqual([
      ['待发货', 'current'],
      ['已发货', 'todo'],
      ['已完成', 'todo'],
    ]);
    expect(screen.getByTestId('delivery-address')).toHaveTextContent('李四 13912345678');
    expect(screen.queryByTestId('confirm-receipt')).toBeNull();
  });

  it('shipped: carrier and tracking number, 确认收货 after a confirmation, then 已完成', async () => {
    __mock.setRouter({ id: 'o-del' });
    let received = false;
    installApi({
      ...routes,
      'GET /api/orders/:id': () =>
        received
          ? delivery('FULFILLED', {
              carrier: '顺丰速运',
              trackingNo: 'SF1234567890',
              fulfilledAt: '2026-12-02T08:00:00Z',
            })
          : delivery('SHIPPED', { carrier: '顺丰速运', trackingNo: 'SF1234567890', shippedAt: '2026-12-01T08:00:00Z' }),
      'POST /api/orders/:id/receipt': () => {
        received = true;
        return delivery('FULFILLED');
      },
    });
    render(<OrderPage />);
    expect(await screen.findByTestId('carrier')).toHaveTextContent('顺丰速运');
    expect(screen.getByTestId('tracking-no')).toHaveTextContent('SF1234567890');
    (Taro.showModal as jest.Mock).mockImplementationOnce(() => Promise.resolve({ confirm: false }));
    fireEvent.click(screen.getByTestId('confirm-receipt'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(requestsTo('POST', '/api/orders/o-del/receipt')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-receipt'));
    await waitFor(() => expect(requestsTo('POST', '/api/orders/o-del/receipt')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('fulfilment-card')).toHaveAttribute('data-status', 'FULFILLED'));
    expect(screen.getAllByTestId('fulfilment-step').map((s) => s.getAttribute('data-state'))).toEqual([
      'done',
      'done',
      'done',
    ]);
  });

  it('a receipt the API refuses shows its Chinese message', async () => {
    __mock.setRouter({ id: 'o-del' });
    installApi({
      ...routes,
      'GET /api/orders/:id': delivery('SHIPPED', { carrier: '顺丰速运', trackingNo: 'SF1' }),
      'POST /api/orders/:id/receipt': apiError(409, 'NOT_SHIPPED', 'The order has not been shipped yet'),
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByTestId('confirm-receipt'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('订单还没有发货，暂时不能确认收货');
  });

  it('pickup ready: the pickup code, its QR and the chosen store', async () => {
    __mock.setRouter({ id: 'o-pick' });
    installApi({ ...routes, 'GET /api/orders/:id': pickup('READY_FOR_PICKUP', { pickupCode: '12345678' }) });
    render(<OrderPage />);
    expect(await screen.findByTestId('pickup-code')).toHaveTextContent('1234 5678');
    expect(screen.getByTestId('pickup-qr')).toHaveAttribute('data-text', '12345678');
    expect(screen.getByTestId('pickup-store-name')).toHaveTextContent('杭州湖滨店 · 杭州');
    expect(screen.getAllByTestId('fulfilment-step').map((s) => s.textContent)).toEqual(['待自提', '已完成']);
    expect(screen.getByTestId('order-status')).toHaveTextContent('待自提');
    expect(screen.getByText('商品已备好，请凭提货码到所选门店自提')).toBeInTheDocument();
  });

  it('pickup handed over: 已完成, no code any more', async () => {
    __mock.setRouter({ id: 'o-pick' });
    installApi({ ...routes, 'GET /api/orders/:id': pickup('FULFILLED', { fulfilledAt: '2026-12-01T03:00:00Z' }) });
    render(<OrderPage />);
    const card = await screen.findByTestId('fulfilment-card');
    expect(card).toHaveAttribute('data-status', 'FULFILLED');
    expect(screen.queryByTestId('pickup-code')).toBeNull();
    expect(screen.getByTestId('order-status')).toHaveTextContent('已完成');
  });

  it('refunded in full: no timeline (nothing will ship)', async () => {
    __mock.setRouter({ id: 'o-del' });
    installApi({
      ...routes,
      'GET /api/orders/:id': { ...delivery('PENDING'), status: 'REFUNDED', refundedFen: 19800 },
    });
    render(<OrderPage />);
    expect(await screen.findByTestId('order-status')).toHaveTextContent('已退款');
    expect(screen.queryByTestId('fulfilment-card')).toBeNull();
  });

  it('unpaid: the fulfilment waits for payment', async () => {
    __mock.setRouter({ id: 'o-pick' });
    installApi({ ...routes, 'GET /api/orders/:id': { ...pickup('PENDING'), status: 'PENDING_PAYMENT', paidAt: null } });
    render(<OrderPage />);
    expect(await screen.findByTestId('fulfilment-card')).toHaveTextContent('支付后开始备货');
    expect(screen.queryByTestId('fulfilment-timeline')).toBeNull();
  });

  it('the short order number is shown and copied', async () => {
    __mock.setRouter({ id: 'o-del' });
    installApi({ ...routes, 'GET /api/orders/:id': delivery('PENDING') });
    render(<OrderPage />);
    expect(await screen.findByTestId('order-no')).toHaveTextContent('26113012345678');
    fireEvent.click(screen.getByTestId('copy-order-no'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '26113012345678' }));
  });

  it('the order list shows the order number and where each order is', async () => {
    installApi({
      'GET /api/orders': [delivery('SHIPPED'), pickup('READY_FOR_PICKUP', { pickupCode: '1' })],
      'GET /api/products': products,
    });
    render(<OrdersPage />);
    const cards = await screen.findAllByTestId('order-card');
    expect(cards.map((c) => within(c).getByTestId('order-card-status').textContent).sort()).toEqual([
      '已发货',
      '待自提',
    ]);
    expect(cards[0]).toHaveTextContent('26113012345678');
  });
});
