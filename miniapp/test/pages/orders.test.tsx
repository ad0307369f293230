import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import OrdersPage from '../../src/pages/orders/index';
import OrderPage from '../../src/pages/order/index';
import { apiError, installApi, loginAsConsumer, never, products, requestsTo, skuLine } from '../helpers';

const attribution = {
  guideId: null,
  storeId: null,
  rule: 'none',
  shareCode: null,
  touchedAt: null,
  policyVersion: 1,
  commissionable: false,
  selfReferral: false,
};
const base = {
  channel: 'online',
  storeId: 's1',
  memberId: 'm1',
  attribution,
  receiptNo: null,
  liveId: null,
  orderNo: null,
  fulfilment: null,
};
/** An order as GET /api/orders answers it: paid in full unless still unpaid or cancelled, nothing refunded. */
const order = (id: string, status: string, extra: object = {}) => {
  const unpaid = status === 'PENDING_PAYMENT' || status === 'CANCELLED';
  return {
    ...base,
    id,
    status,
    totalFen: 19800,
    paidFen: unpaid ? 0 : 19800,
    refundedFen: 0,
    createdAt: `2025-03-0${id.length % 9}T08:00:00.000Z`,
    paidAt: unpaid ? null : `2025-03-0${id.length % 9}T08:01:00.000Z`,
    lines: [skuLine(`${id}-l1`)],
    ...extra,
  };
};

const refundedLine = (refunded: number) => skuLine('l1', refunded);
const stores = [{ id: 'store-0001', name: '上海南京西路店', city: '上海' }];
/** A counter sale (POST /api/pos/redemptions): channel store, an amount-only line without a sku. */
const storeOrder = (extra: object = {}) => ({
  ...base,
  id: 'so-1',
  channel: 'store',
  storeId: 'store-0001',
  status: 'PAID',
  totalFen: 12800,
  paidFen: 12800,
  refundedFen: 0,
  receiptNo: 'R20250308-0001',
  createdAt: '2025-03-08T06:00:00.000Z',
  paidAt: '2025-03-08T05:58:00.000Z',
  attribution: { ...attribution, guideId: 'g1', storeId: 'store-0001', rule: 'service_guide', commissionable: true },
  lines: [
    {
      id: 'so-1-l1',
      skuId: null,
      quantity: 1,
      unitPriceFen: 12800,
      amountFen: 12800,
      refundedQuantity: 0,
      refundedFen: 0,
    },
  ],
  ...extra,
});

const STATUSES: Array<[string, string]> = [
  ['PENDING_PAYMENT', '待支付'],
  ['PAID', '已支付'],
  ['PARTIALLY_REFUNDED', '部分退款'],
  ['REFUNDED', '已退款'],
  ['CANCELLED', '已取消'],
];

describe('orders page', () => {
  beforeEach(() => loginAsConsumer());

  it('loading', () => {
    installApi({ 'GET /api/orders': () => never(), 'GET /api/products': products });
    render(<OrdersPage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
  });

  it('empty', async () => {
    installApi({ 'GET /api/orders': [], 'GET /api/products': products });
    render(<OrdersPage />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('还没有订单');
  });

  it('error', async () => {
    installApi({
      'GET /api/orders': apiError(403, 'FORBIDDEN', 'This needs the role consumer'),
      'GET /api/products': products,
    });
    render(<OrdersPage />);
    const err = await screen.findByTestId('state-error');
    expect(err).toHaveTextContent('没有权限');
    expect(err).toHaveTextContent('当前账号无权进行此操作');
    expect(err).not.toHaveTextContent('role');
    expect(screen.queryByTestId('retry')).toBeNull(); // a 403 does not go away by trying again
  });

  it('lists every status in Chinese with product names and totals', async () => {
    installApi({ 'GET /api/orders': STATUSES.map(([s], i) => order(`o${i}`, s)), 'GET /api/products': products });
    render(<OrdersPage />);
    const cards = await screen.findAllByTestId('order-card');
    expect(cards).toHaveLength(STATUSES.length);
    for (const [status, label] of STATUSES) {
      const card = cards.find((c) => c.getAttribute('data-status') === status)!;
      expect(card).toHaveTextContent(label);
      expect(card).toHaveTextContent('轻羽速干T恤');
      expect(card).toHaveTextContent('¥198.00');
    }
    fireEvent.click(cards[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/pages\/order\/index\?id=o\d$/) });
  });

  it('a counter sale is listed as 门店消费 with its store, and refunds show on the card', async () => {
    installApi({
      'GET /api/orders': [storeOrder({ status: 'PARTIALLY_REFUNDED', refundedFen: 5000 }), order('o1', 'PAID')],
      'GET /api/products': products,
      'GET /api/stores': stores,
    });
    render(<OrdersPage />);
    const cards = await screen.findAllByTestId('order-card');
    const store = cards.find((c) => c.getAttribute('data-order-id') === 'so-1')!;
    expect(store).toHaveTextContent('门店消费 · 上海南京西路店');
    expect(store).toHaveTextContent('部分退款');
    expect(store).toHaveTextContent('消费 ¥128.00');
    expect(store.querySelector('[data-testid="order-card-refund"]')).toHaveTextContent('已退 ¥50.00');
    const online = cards.find((c) => c.getAttribute('data-order-id') === 'o1')!;
    expect(online).toHaveTextContent('线上订单');
    expect(online.querySelector('[data-testid="order-card-refund"]')).toBeNull();
  });

  it('still lists orders when the catalog is unavailable', async () => {
    installApi({ 'GET /api/orders': [order('o1', 'PAID')], 'GET /api/products': apiError(500, 'X', 'x') });
    render(<OrdersPage />);
    expect(await screen.findByTestId('order-card')).toHaveTextContent('商品 ');
  });
});

/** Opens the detail page of order o1 as `detail` answers it, with the catalog for line names. */
function openOrder(detail: object) {
  __mock.setRouter({ id: 'o1' });
  installApi({ 'GET /api/orders/:id': detail, 'GET /api/products': products });
  render(<OrderPage />);
}

describe('order detail page', () => {
  beforeEach(() => loginAsConsumer());

  it('loading', () => {
    __mock.setRouter({ id: 'o1' });
    installApi({ 'GET /api/orders/:id': () => never(), 'GET /api/products': products });
    render(<OrderPage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
  });

  it('error (not yours)', async () => {
    openOrder(apiError(403, 'NOT_YOUR_ORDER', 'This is not your order'));
    expect(await screen.findByTestId('state-error')).toHaveTextContent('这不是您的订单');
    expect(screen.queryByTestId('retry')).toBeNull();
  });

  it.each(STATUSES)('shows status %s as %s', async (status, label) => {
    __mock.setRouter({ id: 'o1' });
    installApi({ 'GET /api/orders/:id': order('o1', status), 'GET /api/products': products });
    render(<OrderPage />);
    expect(await screen.findByTestId('order-status')).toHaveTextContent(label);
  });

  it('shows "支付成功" right after checkout, with amounts', async () => {
    __mock.setRouter({ id: 'o1', paid: '1' });
    installApi({
      'GET /api/orders/:id': order('o1', 'PAID', { paidAt: '2025-03-01T08:01:00.000Z' }),
      'GET /api/products': products,
    });
    render(<OrderPage />);
    expect(await screen.findByTestId('order-status')).toHaveTextContent('支付成功');
    expect(screen.getByTestId('order-total')).toHaveTextContent('¥198.00');
    expect(screen.getByTestId('order-paid')).toHaveTextContent('¥198.00');
    expect(screen.getByTestId('order-no')).toHaveTextContent('O1'); // no orderNo: the id's short form
  });

  it('shows refunds: amount and per-line quantities', async () => {
    openOrder(
      order('o1', 'PARTIALLY_REFUNDED', {
        paidFen: 19800,
        refundedFen: 9900,
        lines: [refundedLine(1)],
      }),
    );
    expect(await screen.findByTestId('order-refunded')).toHaveTextContent('¥99.00');
    expect(screen.getByTestId('line-refund')).toHaveTextContent('已退 1 件 · ¥99.00');
  });

  it('a full refund shows what was refunded and what remains paid', async () => {
    openOrder(
      order('o1', 'REFUNDED', {
        paidFen: 19800,
        refundedFen: 19800,
        lines: [refundedLine(2)],
      }),
    );
    expect(await screen.findByTestId('order-status')).toHaveTextContent('已退款');
    expect(screen.getByTestId('order-refunded')).toHaveTextContent('-¥198.00');
    expect(screen.getByTestId('order-net')).toHaveTextContent('¥0.00');
    expect(screen.getByTestId('line-refund')).toHaveTextContent('已退 2 件 · ¥198.00');
    expect(screen.getByText('订单已全额退款，款项将原路退回')).toBeInTheDocument();
  });

  it('no refund, no refund rows', async () => {
    openOrder(order('o1', 'PAID', { paidFen: 19800, refundedFen: 0 }));
    await screen.findByTestId('order-status');
    expect(screen.queryByTestId('order-refund-summary')).toBeNull();
    expect(screen.queryByTestId('line-refund')).toBeNull();
    expect(screen.getByTestId('order-channel')).toHaveTextContent('线上商城');
    expect(screen.queryByTestId('order-store')).toBeNull();
    expect(requestsTo('GET', '/api/stores')).toHaveLength(0);
  });

  it('a counter sale shows 门店消费, its store and receipt; an amount-only line has no sku', async () => {
    __mock.setRouter({ id: 'so-1' });
    installApi({ 'GET /api/orders/:id': storeOrder(), 'GET /api/products': products, 'GET /api/stores': stores });
    render(<OrderPage />);
    expect(await screen.findByTestId('order-store-chip')).toHaveTextContent('门店消费 · 上海南京西路店 · 上海');
    expect(screen.getByTestId('order-status')).toHaveTextContent('已支付');
    expect(screen.getByText('门店消费已记录，计入您的会员权益')).toBeInTheDocument();
    expect(screen.getByTestId('order-channel')).toHaveTextContent('门店消费');
    expect(screen.getByTestId('order-store')).toHaveTextContent('上海南京西路店');
    expect(screen.getByTestId('order-receipt')).toHaveTextContent('R20250308-0001');
    const line = screen.getByTestId('order-line');
    expect(line).toHaveAttribute('data-sku-id', '');
    expect(line).toHaveTextContent('门店消费');
    expect(line).toHaveTextContent('小票金额 · R20250308-0001');
    expect(line).not.toHaveTextContent('×');
    expect(screen.getByTestId('line-amount')).toHaveTextContent('¥128.00');
    expect(screen.getByText('消费金额')).toBeInTheDocument();
    expect(screen.queryByTestId('pay-button')).toBeNull();
  });

  it('a counter sale with sku lines shows each line amount; the store falls back to its id without the store list', async () => {
    __mock.setRouter({ id: 'so-1' });
    installApi({
      'GET /api/orders/:id': storeOrder({
        totalFen: 25000,
        paidFen: 25000,
        lines: [
          {
            id: 'l1',
            skuId: 'sku-1a',
            quantity: 3,
            unitPriceFen: 8333,
            amountFen: 25000,
            refundedQuantity: 0,
            refundedFen: 0,
          },
        ],
      }),
      'GET /api/products': products,
      'GET /api/stores': apiError(500, 'X', 'x'),
    });
    render(<OrderPage />);
    const line = await screen.findByTestId('order-line');
    expect(line).toHaveTextContent('轻羽速干T恤');
    expect(line).toHaveTextContent('白色 M');
    expect(line).toHaveTextContent('×3');
    expect(screen.getByTestId('line-amount')).toHaveTextContent('¥250.00');
    expect(screen.getByTestId('order-store')).toHaveTextContent('门店 E-0001');
  });

  it('a counter refund by amount: 已退款 without a quantity', async () => {
    __mock.setRouter({ id: 'so-1' });
    installApi({
      'GET /api/orders/:id': storeOrder({
        status: 'REFUNDED',
        refundedFen: 12800,
        lines: [
          {
            id: 'l1',
            skuId: null,
            quantity: 1,
            unitPriceFen: 12800,
            amountFen: 12800,
            refundedQuantity: 0,
            refundedFen: 12800,
          },
        ],
      }),
      'GET /api/products': products,
      'GET /api/stores': stores,
    });
    render(<OrderPage />);
    expect(await screen.findByTestId('order-status')).toHaveTextContent('已退款');
    expect(screen.getByText('门店已办理全额退款')).toBeInTheDocument();
    expect(screen.getByTestId('line-refund')).toHaveTextContent(/^已退 ¥128\.00$/);
    expect(screen.getByTestId('order-refunded')).toHaveTextContent('-¥128.00');
    expect(screen.getByTestId('order-net')).toHaveTextContent('¥0.00');
  });

  it('a pending order can be paid from here', async () => {
    __mock.setRouter({ id: 'o1' });
    let paid = false;
    installApi({
      'GET /api/orders/:id': () => order('o1', paid ? 'PAID' : 'PENDING_PAYMENT'),
      'GET /api/products': products,
      'POST /api/orders/:id/payment': () => {
        paid = true;
        return { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', signType: 'RSA', paySign: 's' };
      },
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByTestId('pay-button'));
    await waitFor(() => expect(screen.getByTestId('order-status')).toHaveTextContent('已支付'));
    expect(requestsTo('POST', '/api/orders/o1/payment')).toHaveLength(1);
    expect(Taro.requestPayment).toHaveBeenCalled();
  });

  it('a pending order can be cancelled after confirming', async () => {
    __mock.setRouter({ id: 'o1' });
    let cancelled = false;
    installApi({
      'GET /api/orders/:id': () => order('o1', cancelled ? 'CANCELLED' : 'PENDING_PAYMENT'),
      'GET /api/products': products,
      'POST /api/orders/:id/cancel': () => {
        cancelled = true;
        return order('o1', 'CANCELLED');
      },
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByTestId('cancel-order'));
    await waitFor(() => expect(screen.getByTestId('order-status')).toHaveTextContent('已取消'));
    expect(Taro.showModal).toHaveBeenCalled();
  });
});
