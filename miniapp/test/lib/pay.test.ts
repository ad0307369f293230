import Taro from '@tarojs/taro';
import { payOrder } from '../../src/lib/pay';
import { installApi, loginAsConsumer, reply, requestsTo } from '../helpers';

const wxParams = {
  timeStamp: '1700000000',
  nonceStr: 'nonce',
  package: 'prepay_id=wx1',
  signType: 'RSA',
  paySign: 'sig',
};
/** POST /api/orders/:id/payment: the wx.requestPayment parameters and the order's out_trade_no. */
const params = { ...wxParams, outTradeNo: 'o1' };
/** GET /api/config as the API answers it. */
const config = (simulatorUrl: string | null) => ({
  appId: 'wx1',
  businessTz: 'Asia/Shanghai',
  simulatorUrl,
  onlineWindowHours: 168,
});
const noSleep = () => Promise.resolve();

function ordersThatPayAfter(polls: number) {
  let n = 0;
  return () => ({ id: 'o1', status: n++ >= polls ? 'PAID' : 'PENDING_PAYMENT', totalFen: 100, lines: [] });
}

describe('payOrder', () => {
  beforeEach(() => loginAsConsumer());

  it('weapp: prepay, wx.requestPayment with the API params, then polls until PAID', async () => {
    installApi({ 'POST /api/orders/:id/payment': params, 'GET /api/orders/:id': ordersThatPayAfter(2) });
    const stages: string[] = [];
    const order = await payOrder('o1', { sleep: noSleep, onStage: (s) => stages.push(s) });
    expect(Taro.requestPayment).toHaveBeenCalledWith(wxParams);
    expect(order.status).toBe('PAID');
    expect(requestsTo('GET', '/api/orders/o1')).toHaveLength(3);
    expect(stages).toEqual(['prepay', 'paying', 'confirming']);
  });

  it('weapp: a cancelled payment is PAY_CANCELLED', async () => {
    installApi({ 'POST /api/orders/:id/payment': params });
    (Taro.requestPayment as jest.Mock).mockImplementationOnce(() =>
      Promise.reject({ errMsg: 'requestPayment:fail cancel' }),
    );
    await expect(payOrder('o1', { sleep: noSleep })).rejects.toMatchObject({ code: 'PAY_CANCELLED' });
  });

  it('H5: calls the simulator pay step from GET /api/config, then polls', async () => {
    process.env.TARO_ENV = 'h5';
    installApi({
      'POST /api/orders/:id/payment': params,
      'GET /api/config': config('http://sim.test:4000/'),
      'POST /sim/pay': { ok: true },
      'GET /api/orders/:id': ordersThatPayAfter(1),
    });
    const order = await payOrder('o1', { sleep: noSleep });
    expect(order.status).toBe('PAID');
    expect(Taro.requestPayment).not.toHaveBeenCalled();
    const [sim] = requestsTo('POST', '/sim/pay');
    expect(sim.url).toBe('http://sim.test:4000/sim/pay');
    expect(sim.data).toEqual({ out_trade_no: 'o1' });
  });

  it('H5: the simulator gets the out_trade_no the payment response names (the API sends it to WeChat Pay)', async () => {
    process.env.TARO_ENV = 'h5';
    const id = '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd';
    installApi({
      'POST /api/orders/:id/payment': { ...wxParams, outTradeNo: '3f2a9c1e7b4d4e8f9a0123456789abcd' },
      'GET /api/config': config('http://sim.test:4000'),
      'POST /sim/pay': { ok: true },
      'GET /api/orders/:id': { id, status: 'PAID', totalFen: 1, lines: [] },
    });
    await payOrder(id, { sleep: noSleep });
    expect(requestsTo('POST', '/sim/pay')[0].data).toEqual({ out_trade_no: '3f2a9c1e7b4d4e8f9a0123456789abcd' });
    installApi({
      'POST /api/orders/:id/payment': { ...wxParams, outTradeNo: 'GS_X_123456' },
      'GET /api/config': config('http://sim.test:4000'),
      'POST /sim/pay': { ok: true },
      'GET /api/orders/:id': { id, status: 'PAID', totalFen: 1, lines: [] },
    });
    await payOrder(id, { sleep: noSleep });
    expect(requestsTo('POST', '/sim/pay')[1].data).toEqual({ out_trade_no: 'GS_X_123456' });
  });

  it("H5: a simulator refusal ({error: 'text'}) keeps its text for logs, shows Chinese", async () => {
    process.env.TARO_ENV = 'h5';
    installApi({
      'POST /api/orders/:id/payment': params,
      'GET /api/config': config('http://sim.test:4000'),
      'POST /sim/pay': reply(409, { error: 'no transaction for out_trade_no o1' }),
    });
    await expect(payOrder('o1', { sleep: noSleep })).rejects.toMatchObject({
      status: 409,
      message: '数据刚刚有变化，请刷新后再试',
      serverMessage: 'no transaction for out_trade_no o1',
    });
  });

  it('H5 without a simulator says so clearly', async () => {
    process.env.TARO_ENV = 'h5';
    installApi({ 'POST /api/orders/:id/payment': params, 'GET /api/config': config(null) });
    await expect(payOrder('o1', { sleep: noSleep })).rejects.toMatchObject({
      code: 'SIMULATOR_UNAVAILABLE',
      message: expect.stringContaining('请在微信小程序中支付'),
    });
  });

  it('returns the still-pending order when the notify is late', async () => {
    installApi({ 'POST /api/orders/:id/payment': params, 'GET /api/orders/:id': ordersThatPayAfter(1e9) });
    const order = await payOrder('o1', { sleep: noSleep, timeoutMs: 0 });
    expect(order.status).toBe('PENDING_PAYMENT');
  });
});
