import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import { api } from '../../src/lib/api';
import { guideToken } from '../../src/lib/auth';
import { AppError, errorTitle } from '../../src/lib/errors';
import { http } from '../../src/lib/http';
import { KEYS } from '../../src/lib/storage';
import { apiError, installApi, loginAsConsumer, loginAsGuide, reply, requestsTo } from '../helpers';

describe('http and the error contract', () => {
  it('turns {error:{code,message}} into an AppError with the Chinese message of its code', async () => {
    installApi({ 'GET /api/products/:id': apiError(404, 'PRODUCT_NOT_FOUND', 'No product nope') });
    await expect(api.product('nope')).rejects.toMatchObject({
      code: 'PRODUCT_NOT_FOUND',
      message: '商品不存在或已下架',
      serverMessage: 'No product nope',
      status: 404,
    });
  });

  it('keeps validation details', async () => {
    installApi({
      'POST /api/auth/guide': reply(400, {
        error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ field: 'code', message: 'required' }] },
      }),
    });
    const err = (await http('POST', '/api/auth/guide', { body: { code: '' } }).catch((e) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.details).toEqual([{ field: 'code', message: 'required' }]);
  });

  it('maps a bodiless 5xx to SERVER_ERROR and a network failure to NETWORK_ERROR', async () => {
    installApi({ 'GET /api/products': reply(502, '<html>bad gateway</html>') });
    await expect(api.products()).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 502 });
    __mock.setHandler(() => {
      throw { errMsg: 'request:fail timeout' };
    });
    await expect(api.products()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(errorTitle('NETWORK_ERROR')).toBe('网络不给力');
    expect(errorTitle('SOMETHING_NEW', 418)).toBe('请求失败');
  });

  it('sends JSON bodies (an empty one for bodiless POSTs) and the Idempotency-Key', async () => {
    loginAsConsumer();
    installApi({
      'POST /api/orders': { id: 'o1', status: 'PENDING_PAYMENT', totalFen: 100, lines: [] },
      'POST /api/orders/:id/payment': {
        timeStamp: '1',
        nonceStr: 'n',
        package: 'prepay_id=1',
        signType: 'RSA',
        paySign: 's',
      },
    });
    await api.createOrder({ lines: [{ skuId: 's', quantity: 1 }] }, 'key-1');
    await api.createPayment('o1');
    const [create] = requestsTo('POST', '/api/orders');
    expect(create.header).toMatchObject({
      'Idempotency-Key': 'key-1',
      'Content-Type': 'application/json',
      Authorization: 'Bearer consumer-token',
    });
    expect(requestsTo('POST', '/api/orders/o1/payment')[0].data).toEqual({});
  });

  it('reads a list as the bare array the API answers with', async () => {
    const live = {
      id: 'l1',
      title: '春季上新',
      storeId: 's1',
      startsAt: '2025-03-01T12:00:00.000Z',
      endsAt: '2025-03-01T14:00:00.000Z',
    };
    installApi({ 'GET /api/lives': [live] });
    expect(await api.lives()).toEqual([live]);
  });
});

describe('auth', () => {
  it('logs in once for concurrent consumer calls', async () => {
    installApi({ 'GET /api/orders': [] });
    await Promise.all([api.orders(), api.orders(), api.orders()]);
    expect(requestsTo('POST', '/api/auth/wechat')).toHaveLength(1);
    expect(__mock.state.storage.get(KEYS.consumerToken)).toBe('consumer-token');
  });

  it('logs in again once when the consumer token is rejected', async () => {
    loginAsConsumer('stale');
    installApi({
      'GET /api/orders': (req: { header?: Record<string, string> }) =>
        req.header?.Authorization === 'Bearer stale' ? apiError(401, 'UNAUTHORIZED', 'expired') : [],
    });
    expect(await api.orders()).toEqual([]);
    expect(requestsTo('GET', '/api/orders')).toHaveLength(2);
    expect(Taro.login).toHaveBeenCalledTimes(1);
  });

  it('reports a failed wx.login as LOGIN_FAILED', async () => {
    (Taro.login as jest.Mock).mockImplementationOnce(() => Promise.reject({ errMsg: 'login:fail' }));
    installApi({ 'GET /api/orders': [] });
    await expect(api.orders()).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
  });

  it('guide calls need the workbench login and drop a rejected token', async () => {
    installApi({ 'GET /api/guides/me/commissions': apiError(401, 'UNAUTHORIZED', 'expired') });
    await expect(api.commissions()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(__mock.state.requests).toHaveLength(0);
    loginAsGuide();
    await expect(api.commissions()).rejects.toMatchObject({ status: 401 });
    expect(guideToken()).toBeNull();
  });
});
