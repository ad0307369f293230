import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import ProductPage from '../../src/pages/product/index';
import { cartLines } from '../../src/lib/cart';
import { checkoutDraft } from '../../src/lib/checkout';
import { apiError, CODE, installApi, never, products, requestsTo } from '../helpers';

describe('product page', () => {
  it('loading', () => {
    __mock.setRouter({ id: 'p1' });
    installApi({ 'GET /api/products/:id': () => never() });
    render(<ProductPage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
  });

  it('not found shows a Chinese message and a way home, no retry', async () => {
    __mock.setRouter({ id: 'gone' });
    installApi({ 'GET /api/products/:id': apiError(404, 'PRODUCT_NOT_FOUND', 'No product gone') });
    render(<ProductPage />);
    const err = await screen.findByTestId('state-error');
    expect(err).toHaveTextContent('商品不存在或已下架');
    expect(err).not.toHaveTextContent('No product');
    expect(err).not.toHaveTextContent('PRODUCT_NOT_FOUND');
    expect(screen.queryByTestId('retry')).toBeNull();
    fireEvent.click(screen.getByText('返回首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('other errors can be retried', async () => {
    __mock.setRouter({ id: 'p1' });
    installApi({ 'GET /api/products/:id': apiError(500, 'INTERNAL', '服务器开小差') });
    render(<ProductPage />);
    expect(await screen.findByTestId('retry')).toBeInTheDocument();
  });

  it('picks the first in-stock SKU, shows its price, and adds to cart', async () => {
    __mock.setRouter({ id: 'p1' });
    installApi({
      'GET /api/products/:id': ({ params }: { params: { id: string } }) => products.find((p) => p.id === params.id),
    });
    render(<ProductPage />);
    expect(await screen.findByTestId('product-name')).toHaveTextContent('轻羽速干T恤');
    expect(screen.getByTestId('product-price')).toHaveTextContent('¥99.00');
    const options = screen.getAllByTestId('sku-option');
    expect(options[1]).toHaveTextContent('缺货');
    fireEvent.click(options[1]); // out of stock: ignored
    expect(screen.getByTestId('product-price')).toHaveTextContent('¥99.00');
    fireEvent.click(screen.getByTestId('quantity-inc'));
    fireEvent.click(screen.getByTestId('add-to-cart'));
    expect(cartLines()).toEqual([
      expect.objectContaining({ skuId: 'sku-1a', quantity: 2, priceFen: 9900, productName: '轻羽速干T恤' }),
    ]);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入购物车' }));
  });

  it('buy now starts a checkout draft with its own idempotency key', async () => {
    __mock.setRouter({ id: 'p2' });
    installApi({ 'GET /api/products/:id': products[1] });
    render(<ProductPage />);
    fireEvent.click(await screen.findByTestId('buy-now'));
    const draft = checkoutDraft();
    expect(draft).toMatchObject({
      source: 'buyNow',
      lines: [expect.objectContaining({ skuId: 'sku-2a', quantity: 1 })],
    });
    expect(draft?.idempotencyKey).toMatch(/^gs-/);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkout/index' });
    expect(cartLines()).toEqual([]);
  });

  it('opened from a guide card: records the visit; a consumer re-share keeps the guide code', async () => {
    __mock.setRouter({ id: 'p2', s: CODE });
    __mock.setLaunchOptions({ scene: 1007, chatType: 2, query: { id: 'p2', s: CODE } });
    installApi({ 'GET /api/products/:id': products[1], 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    render(<ProductPage />);
    await screen.findByTestId('product-name');
    await waitFor(() => expect(requestsTo('POST', '/api/visits')).toHaveLength(1));
    expect(requestsTo('POST', '/api/visits')[0].data).toEqual({
      shareCode: CODE,
      scene: 1007,
      chatType: 2,
      path: `pages/product/index?id=p2&s=${CODE}`,
    });
    expect(screen.getByTestId('share-button')).toHaveAttribute('data-open-type', 'share');
    expect(__mock.triggerShare({ from: 'button' })).toEqual({
      title: '城市通勤双肩包 ¥259.00',
      path: `/pages/product/index?id=p2&s=${CODE}`,
      imageUrl: 'https://img.test/p2.png',
    });
  });

  it('opened from a poster wxacode (scene): same code in the re-share path', async () => {
    __mock.setRouter({ id: 'p2', scene: encodeURIComponent(`s=${CODE}`) });
    installApi({ 'GET /api/products/:id': products[1], 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    render(<ProductPage />);
    await screen.findByTestId('product-name');
    expect((__mock.triggerShare() as { path: string }).path).toBe(`/pages/product/index?id=p2&s=${CODE}`);
  });

  it('has no WeChat share button in H5', async () => {
    process.env.TARO_ENV = 'h5';
    __mock.setRouter({ id: 'p2' });
    installApi({ 'GET /api/products/:id': products[1] });
    render(<ProductPage />);
    await screen.findByTestId('product-name');
    expect(screen.queryByTestId('share-button')).toBeNull();
  });
});
