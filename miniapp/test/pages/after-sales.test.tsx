import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import OrderPage from '../../src/pages/order/index';
import { apiError, installApi, loginAsConsumer, products, requestsTo, skuLine } from '../helpers';

const order = (extra: object = {}) => ({
  id: 'o1',
  status: 'PAID',
  channel: 'online',
  storeId: null,
  memberId: 'm1',
  attribution: null,
  totalFen: 45700,
  paidFen: 45700,
  refundedFen: 0,
  createdAt: '2026-11-30T08:00:00.000Z',
  paidAt: '2026-11-30T08:01:00.000Z',
  orderNo: '26113000000001',
  lines: [
    skuLine('l1'),
    {
      id: 'l2',
      skuId: 'sku-2a',
      quantity: 1,
      unitPriceFen: 25900,
      amountFen: 25900,
      refundedQuantity: 0,
      refundedFen: 0,
    },
  ],
  ...extra,
});
const request = (status: string, extra: object = {}) => ({
  id: `as-${status}`,
  orderId: 'o1',
  status,
  reason: '尺码/规格不合适',
  lines: [{ lineId: 'l1', quantity: 1 }],
  amountFen: null,
  requestedFen: 9900,
  rejectReason: null,
  refundId: null,
  refundStatus: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  decidedAt: null,
  refundedAt: null,
  ...extra,
});

describe('order page: after-sales (售后)', () => {
  beforeEach(() => {
    loginAsConsumer();
    __mock.setRouter({ id: 'o1' });
  });

  it('empty: explains and offers 申请退款', async () => {
    installApi({
      'GET /api/orders/:id': order(),
      'GET /api/products': products,
      'GET /api/orders/:id/after-sales': [],
    });
    render(<OrderPage />);
    expect(await screen.findByTestId('after-sales-empty')).toHaveTextContent('审核通过后款项原路退回');
    expect(screen.getByTestId('after-sale-open')).toHaveTextContent('申请退款');
  });

  it('a failure to load that can be retried (5xx)', async () => {
    let fail = true;
    installApi({
      'GET /api/orders/:id': order(),
      'GET /api/products': products,
      'GET /api/orders/:id/after-sales': () => (fail ? apiError(502, 'WECHAT_UNAVAILABLE', 'x') : []),
    });
    render(<OrderPage />);
    const err = await screen.findByTestId('after-sales-error');
    expect(err).toHaveTextContent('微信服务暂时繁忙');
    fail = false;
    fireEvent.click(within(err).getByText('重试'));
    expect(await screen.findByTestId('after-sales-empty')).toBeInTheDocument();
  });

  it('asks for some lines with a reason, with an Idempotency-Key, then shows it 审核中', async () => {
    let list: object[] = [];
    installApi({
      'GET /api/orders/:id': order(),
      'GET /api/products': products,
      'GET /api/orders/:id/after-sales': () => list,
      'POST /api/orders/:id/after-sales': (req: { data: unknown }) => {
        list = [request('REQUESTED', { reason: (req.data as { reason: string }).reason })];
        return list[0];
      },
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByTestId('after-sale-open'));
    const form = screen.getByTestId('after-sale-form');
    // nothing chosen: a Chinese reason, nothing sent
    fireEvent.click(within(form).getByTestId('after-sale-submit'));
    expect(await within(form).findByTestId('error-banner')).toHaveTextContent('请选择退款原因');
    fireEvent.click(within(form).getAllByTestId('after-sale-reason')[2]);
    fireEvent.click(within(form).getByTestId('after-sale-submit'));
    expect(within(form).getByTestId('error-banner')).toHaveTextContent('请选择要退的商品和数量');
    expect(requestsTo('POST', '/api/orders/o1/after-sales')).toHaveLength(0);
    expect(within(form).getAllByTestId('after-sale-line')[0]).toHaveTextContent('轻羽速干T恤');
    fireEvent.click(within(form).getByTestId('after-sale-qty-l1-inc'));
    fireEvent.change(within(form).getByTestId('after-sale-note'), { target: { value: '偏小' } });
    fireEvent.click(within(form).getByTestId('after-sale-submit'));
    await waitFor(() => expect(requestsTo('POST', '/api/orders/o1/after-sales')).toHaveLength(1));
    const [req] = requestsTo('POST', '/api/orders/o1/after-sales');
    expect(req.data).toEqual({ lines: [{ lineId: 'l1', quantity: 1 }], reason: '尺码/规格不合适：偏小' });
    expect(req.header?.['Idempotency-Key']).toMatch(/^gs-/);
    const shown = await screen.findByTestId('after-sale');
    expect(shown).toHaveAttribute('data-status', 'REQUESTED');
    expect(within(shown).getByTestId('after-sale-status')).toHaveTextContent('审核中');
    expect(shown).toHaveTextContent('¥99.00');
    // one request at a time
    expect(screen.queryByTestId('after-sale-open')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '售后申请已提交', icon: 'success' });
  });

  it('asks for an amount: checked against what is left, sent in fen', async () => {
    installApi({
      'GET /api/orders/:id': order({ status: 'PARTIALLY_REFUNDED', refundedFen: 40000 }),
      'GET /api/products': products,
      'GET /api/orders/:id/after-sales': [request('REFUNDED', { requestedFen: 40000 })],
      'POST /api/orders/:id/after-sales': request('REQUESTED', { amountFen: 1990, lines: [] }),
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByTestId('after-sale-open'));
    fireEvent.click(screen.getByTestId('after-sale-mode-amount'));
    fireEvent.click(screen.getAllByTestId('after-sale-reason')[0]);
    fireEvent.change(screen.getByTestId('after-sale-amount'), { target: { value: '80' } });
    fireEvent.click(screen.getByTestId('after-sale-submit'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('不超过 ¥57.00');
    fireEvent.change(screen.getByTestId('after-sale-amount'), { target: { value: '19.9' } });
    fireEvent.click(screen.getByTestId('after-sale-submit'));
    await waitFor(() => expect(requestsTo('POST', '/api/orders/o1/after-sales')).toHaveLength(1));
    expect(requestsTo('POST', '/api/orders/o1/after-sales')[0].data).toEqual({ amountFen: 1990, reason: '不想要了' });
  });

  it('a refused request shows the Chinese message of its code, no retry button', async () => {
    installApi({
      'GET /api/orders/:id': order(),
      'GET /api/products': products,
      'GET /api/orders/:id/after-sales': [],
      'POST /api/orders/:id/after-sales': apiError(422, 'REFUND_EXCEEDS_PAID', 'Refund 99999 exceeds 45700'),
    });
    render(<OrderPage />);
    fireEvent.click(await screen.findByTestId('after-sale-open'));
    fireEvent.click(screen.getAllByTestId('after-sale-reason')[0]);
    fireEvent.click(screen.getByTestId('after-sale-qty-l2-inc'));
    fireEvent.click(screen.getByTestId('after-sale-submit'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveTextContent('退款金额超出了可退金额');
    expect(banner).not.toHaveTextContent('exceeds');
    expect(screen.queryByTestId('retry')).toBeNull();
  });

  it('shows each outcome: rejected with the reason, approved, refunded', async () => {
    installApi({
      'GET /api/orders/:id': order({ status: 'PARTIALLY_REFUNDED', refundedFen: 9900 }),
      'GET /api/products': products,
      'GET /api/orders/:id/after-sales': [
        request('REFUNDED', { id: 'a1' }),
        request('REJECTED', { id: 'a2', rejectReason: '商品已使用，不支持退货' }),
        request('APPROVED', { id: 'a3' }),
      ],
    });
    render(<OrderPage />);
    const items = await screen.findAllByTestId('after-sale');
    expect(items.map((i) => within(i).getByTestId('after-sale-status').textContent)).toEqual([
      '已退款',
      '未通过',
      '已同意，退款中',
    ]);
    expect(within(items[1]).getByTestId('after-sale-reject-reason')).toHaveTextContent('商品已使用，不支持退货');
    expect(items[0]).toHaveTextContent('款项已原路退回');
    expect(screen.queryByTestId('after-sale-open')).toBeNull(); // a3 is still being refunded
  });

  it('unpaid and counter orders have no after-sales here', async () => {
    installApi({
      'GET /api/orders/:id': order({ status: 'PENDING_PAYMENT', paidAt: null }),
      'GET /api/products': products,
      'GET /api/orders/:id/after-sales': [],
    });
    render(<OrderPage />);
    await screen.findByTestId('order-page');
    await waitFor(() => expect(screen.queryByTestId('after-sales')).toBeNull());
  });
});
