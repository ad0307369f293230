import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CartPage from '../../src/pages/cart/index';
import CheckoutPage from '../../src/pages/checkout/index';
import { addToCart, cartLines } from '../../src/lib/cart';
import { checkoutDraft, rememberLive, startCheckout } from '../../src/lib/checkout';
import { rememberShareCode } from '../../src/lib/entry';
import { KEYS } from '../../src/lib/storage';
import { __mock } from '../mocks/taro';
import {
  CART_LINES,
  apiError,
  CODE,
  FULFILMENT,
  installApi,
  loginAsConsumer,
  never,
  REMEMBERED_ADDRESS,
  requestsTo,
} from '../helpers';

const { tee, bag } = CART_LINES;
/** Waits until the checkout has its remembered address (weapp: the card; H5: the filled form). */
async function addressReady() {
  if (process.env.TARO_ENV === 'h5')
    await waitFor(() => expect(screen.getByTestId('address-name')).toHaveValue('李四'));
  else await screen.findByTestId('address-card');
}

const payParams = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', signType: 'RSA', paySign: 's' };

describe('cart page', () => {
  it('empty', () => {
    render(<CartPage />);
    expect(screen.getByTestId('state-empty')).toHaveTextContent('购物车空空如也');
    fireEvent.click(screen.getByTestId('state-action'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('lists lines with an integer-fen total, edits quantity, removes, and goes to checkout', () => {
    addToCart(tee);
    addToCart(bag);
    render(<CartPage />);
    expect(screen.getAllByTestId('cart-line')).toHaveLength(2);
    expect(screen.getByTestId('cart-total')).toHaveTextContent('¥457.00'); // 2×99 + 259
    expect(screen.getByTestId('cart-badge')).toHaveTextContent('3');
    fireEvent.click(screen.getAllByTestId('cart-qty-inc')[0]);
    expect(screen.getByTestId('cart-total')).toHaveTextContent('¥556.00');
    fireEvent.click(screen.getAllByTestId('cart-remove')[1]);
    expect(screen.getAllByTestId('cart-line')).toHaveLength(1);
    expect(screen.getByTestId('cart-total')).toHaveTextContent('¥297.00');
    fireEvent.click(screen.getByTestId('go-checkout'));
    expect(checkoutDraft()).toMatchObject({
      source: 'cart',
      lines: [expect.objectContaining({ skuId: 'sku-1a', quantity: 3 })],
    });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkout/index' });
  });
});

describe('checkout page', () => {
  beforeEach(() => loginAsConsumer());

  it('empty without a draft', () => {
    render(<CheckoutPage />);
    expect(screen.getByTestId('state-empty')).toHaveTextContent('没有待结算的商品');
  });

  it('shows the lines and total', async () => {
    startCheckout('cart', [tee, bag]);
    installApi(FULFILMENT);
    render(<CheckoutPage />);
    expect(screen.getAllByTestId('checkout-line')).toHaveLength(2);
    expect(screen.getByTestId('checkout-total')).toHaveTextContent('¥457.00');
    expect(screen.queryByTestId('checkout-share')).toBeNull();
    await addressReady(); // the delivery options finish loading before the page is unmounted
  });

  it('creates the order with Idempotency-Key, shareCode and liveId, pays, and opens the paid order', async () => {
    addToCart(tee);
    addToCart(bag);
    rememberShareCode(CODE);
    rememberLive('live-1', new Date(Date.now() + 3600e3).toISOString());
    const draft = startCheckout('cart', [tee]);
    let polled = 0;
    installApi({
      ...FULFILMENT,
      'POST /api/orders': { id: 'order-1', status: 'PENDING_PAYMENT', totalFen: 19800, lines: [] },
      'POST /api/orders/:id/payment': payParams,
      'GET /api/orders/:id': () => ({
        id: 'order-1',
        status: polled++ ? 'PAID' : 'PENDING_PAYMENT',
        totalFen: 19800,
        lines: [],
      }),
    });
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    render(<CheckoutPage />);
    expect(screen.getByTestId('checkout-share')).toBeInTheDocument();
    await addressReady();
    fireEvent.click(screen.getByTestId('submit-order'));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(3000);
    });
    jest.useRealTimers();
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=order-1&paid=1' }));
    const [create] = requestsTo('POST', '/api/orders');
    expect(create.header?.['Idempotency-Key']).toBe(draft.idempotencyKey);
    expect(create.data).toEqual({
      lines: [{ skuId: 'sku-1a', quantity: 2 }],
      shareCode: CODE,
      liveId: 'live-1',
      fulfilment: { type: 'delivery', address: REMEMBERED_ADDRESS },
    });
    expect(Taro.requestPayment).toHaveBeenCalledWith(payParams);
    expect(cartLines().map((l) => l.skuId)).toEqual(['sku-2a']); // bought lines leave the cart
    expect(checkoutDraft()).toBeNull();
  });

  it('does not send a stored share code older than the online window from GET /api/config', async () => {
    __mock.state.storage.set(KEYS.shareCode, { code: CODE, savedAt: Date.now() - 8 * 24 * 3_600_000 });
    startCheckout('buyNow', [bag]);
    installApi({
      ...FULFILMENT,
      'GET /api/config': { appId: 'wx1', onlineWindowHours: 7 * 24 },
      'POST /api/orders': { id: 'order-2', status: 'PENDING_PAYMENT', totalFen: 25900, lines: [] },
      'POST /api/orders/:id/payment': never,
    });
    render(<CheckoutPage />);
    await addressReady();
    fireEvent.click(screen.getByTestId('submit-order'));
    await waitFor(() => expect(requestsTo('POST', '/api/orders')).toHaveLength(1));
    expect(requestsTo('POST', '/api/orders')[0].data).toEqual({
      lines: [{ skuId: 'sku-2a', quantity: 1 }],
      fulfilment: { type: 'delivery', address: REMEMBERED_ADDRESS },
    });
    expect(screen.queryByTestId('checkout-share')).toBeNull();
  });

  it("shows the API's error (e.g. out of stock) and keeps the draft and its key for a retry", async () => {
    const draft = startCheckout('buyNow', [bag]);
    installApi({ ...FULFILMENT, 'POST /api/orders': apiError(409, 'OUT_OF_STOCK', 'sku-2a has 0 left') });
    render(<CheckoutPage />);
    await addressReady();
    fireEvent.click(screen.getByTestId('submit-order'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveTextContent('库存不足');
    expect(banner).toHaveTextContent('商品库存不足，请减少数量或选择其他规格');
    expect(banner).not.toHaveTextContent('left');
    expect(checkoutDraft()?.idempotencyKey).toBe(draft.idempotencyKey);
  });

  it('shows a busy state while submitting', async () => {
    startCheckout('buyNow', [bag]);
    installApi({ ...FULFILMENT, 'POST /api/orders': () => never() });
    render(<CheckoutPage />);
    await addressReady();
    fireEvent.click(screen.getByTestId('submit-order'));
    expect(await screen.findByText('正在提交订单…')).toBeInTheDocument();
  });

  it('a failed payment keeps the created order and offers to pay again', async () => {
    startCheckout('buyNow', [bag]);
    installApi({
      ...FULFILMENT,
      'POST /api/orders': { id: 'order-2', status: 'PENDING_PAYMENT', totalFen: 25900, lines: [] },
      'POST /api/orders/:id/payment': payParams,
    });
    (Taro.requestPayment as jest.Mock).mockImplementationOnce(() =>
      Promise.reject({ errMsg: 'requestPayment:fail cancel' }),
    );
    render(<CheckoutPage />);
    await addressReady();
    fireEvent.click(screen.getByTestId('submit-order'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('已取消支付');
    expect(screen.getByTestId('submit-order')).toHaveTextContent('重新支付');
    fireEvent.click(screen.getByTestId('view-order'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=order-2' });
    expect(requestsTo('POST', '/api/orders')).toHaveLength(1);
  });

  it('H5 without the simulator explains why payment cannot happen', async () => {
    process.env.TARO_ENV = 'h5';
    startCheckout('buyNow', [bag]);
    installApi({
      ...FULFILMENT,
      'POST /api/orders': { id: 'order-3', status: 'PENDING_PAYMENT', totalFen: 25900, lines: [] },
      'POST /api/orders/:id/payment': payParams,
      'GET /api/config': apiError(404, 'NOT_FOUND', 'no config'),
    });
    render(<CheckoutPage />);
    await addressReady();
    fireEvent.click(screen.getByTestId('submit-order'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveAttribute('data-code', 'SIMULATOR_UNAVAILABLE');
    expect(banner).toHaveTextContent('请在微信小程序中支付');
  });
});
