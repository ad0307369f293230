import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import GuideHome from '../../src/pages/guide/index';
import GuideClaimsPage from '../../src/pages/guide/claims/index';
import { __mock } from '../mocks/taro';
import { apiError, installApi, loginAsGuide, never, requestsTo } from '../helpers';

const STORE = { id: 'store-0001', name: '静安嘉里店', city: '上海' };
const claim = (o: Record<string, unknown>) => ({
  id: 'c1',
  guideId: 'guide-1',
  storeId: 'store-0001',
  receiptNo: 'R-0001',
  orderId: 'order-1',
  reason: '客户忘记扫码',
  status: 'REQUESTED',
  decisionReason: null,
  createdAt: '2026-11-30T02:00:00.000Z',
  decidedAt: null,
  ...o,
});
const claims = [
  claim({ id: 'c1', receiptNo: 'R-0001', status: 'REQUESTED' }),
  claim({ id: 'c2', receiptNo: 'R-0002', status: 'APPROVED', decidedAt: '2026-11-30T03:00:00.000Z' }),
  claim({ id: 'c3', receiptNo: 'R-0003', status: 'REJECTED', decisionReason: '小票时间早于入职日期' }),
];

describe('guide claims page (我的补录)', () => {
  it('asks to log in first and calls nothing', () => {
    installApi({});
    render(<GuideClaimsPage />);
    expect(screen.getByTestId('state-empty')).toHaveTextContent('请先登录导购工作台');
    expect(__mock.state.requests).toHaveLength(0);
  });

  it('the workbench links to it', () => {
    loginAsGuide();
    installApi({
      'GET /api/guides/me/commissions': () => never(),
      'GET /api/guides/me/stats': () => never(),
      'GET /api/stores': () => never(),
    });
    const navigate = jest.spyOn(Taro, 'navigateTo');
    render(<GuideHome />);
    fireEvent.click(screen.getByTestId('go-claims'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/guide/claims/index' });
  });

  it('loading, then a failure in Chinese with retry', async () => {
    loginAsGuide();
    installApi({ 'GET /api/guides/me/claims': () => never(), 'GET /api/stores': [STORE] });
    const first = render(<GuideClaimsPage />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
    first.unmount();
    installApi({ 'GET /api/guides/me/claims': apiError(500, 'X', 'db down'), 'GET /api/stores': [STORE] });
    render(<GuideClaimsPage />);
    const err = await screen.findByTestId('state-error');
    expect(err).toHaveTextContent('服务器开小差了，请稍后重试');
    expect(err).not.toHaveTextContent('db down');
  });

  it('empty list', async () => {
    loginAsGuide();
    installApi({ 'GET /api/guides/me/claims': [], 'GET /api/stores': [STORE] });
    render(<GuideClaimsPage />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('还没有补录申请');
  });

  it('lists each status in Chinese with store, receipt, reason and the rejection reason', async () => {
    loginAsGuide();
    installApi({ 'GET /api/guides/me/claims': claims, 'GET /api/stores': [STORE] });
    render(<GuideClaimsPage />);
    const rows = await screen.findAllByTestId('claim');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['REQUESTED', 'APPROVED', 'REJECTED']);
    expect(screen.getAllByTestId('claim-status').map((s) => s.textContent)).toEqual(['待审核', '已通过', '已驳回']);
    expect(rows[0]).toHaveTextContent('小票 R-0001');
    expect(rows[0]).toHaveTextContent('客户忘记扫码');
    await waitFor(() => expect(rows[1]).toHaveTextContent('静安嘉里店'));
    expect(screen.getAllByTestId('claim-rejection')).toHaveLength(1);
    expect(rows[2]).toHaveTextContent('驳回原因：小票时间早于入职日期');
  });

  it('files a claim for the guide’s own store, shows success and reloads the list', async () => {
    loginAsGuide();
    let listed: unknown[] = [];
    installApi({
      'GET /api/guides/me/claims': () => listed,
      'GET /api/stores': [STORE],
      'POST /api/guides/me/claims': () => {
        listed = [claim({ receiptNo: 'R-9' })];
        return listed[0];
      },
    });
    render(<GuideClaimsPage />);
    await screen.findByTestId('state-empty');
    fireEvent.change(screen.getByTestId('claim-receipt'), { target: { value: ' R-9 ' } });
    fireEvent.change(screen.getByTestId('claim-reason'), { target: { value: '客户忘记扫码' } });
    fireEvent.click(screen.getByTestId('claim-submit'));
    expect(await screen.findByTestId('claim-success')).toHaveTextContent('已提交补录申请');
    expect(requestsTo('POST', '/api/guides/me/claims')[0].data).toEqual({
      storeId: 'store-0001',
      receiptNo: 'R-9',
      reason: '客户忘记扫码',
    });
    expect(await screen.findByTestId('claim')).toHaveTextContent('小票 R-9');
  });

  it('refuses an empty form without calling the API', async () => {
    loginAsGuide();
    installApi({ 'GET /api/guides/me/claims': [], 'GET /api/stores': [STORE] });
    render(<GuideClaimsPage />);
    fireEvent.click(screen.getByTestId('claim-submit'));
    expect(await screen.findByTestId('error-banner')).toBeInTheDocument();
    expect(requestsTo('POST', '/api/guides/me/claims')).toHaveLength(0);
  });

  it.each([
    ['RECEIPT_NOT_FOUND', 404, '本门店没有这张小票，请核对小票号'],
    ['CLAIM_EXISTS', 409, '这张小票您已提交过补录申请，请等待审核'],
    ['ALREADY_CREDITED', 409, '这笔销售已归属导购，不能补录'],
    ['CLAIM_STORE_FORBIDDEN', 403, '只能补录本门店的小票'],
  ])('shows %s in Chinese, not the server text', async (code, status, text) => {
    loginAsGuide();
    installApi({
      'GET /api/guides/me/claims': [],
      'GET /api/stores': [STORE],
      'POST /api/guides/me/claims': apiError(status, code, 'server says no'),
    });
    render(<GuideClaimsPage />);
    fireEvent.change(screen.getByTestId('claim-receipt'), { target: { value: 'R-1' } });
    fireEvent.change(screen.getByTestId('claim-reason'), { target: { value: '忘记扫码' } });
    fireEvent.click(screen.getByTestId('claim-submit'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveTextContent(text);
    expect(banner).not.toHaveTextContent('server says no');
    expect(screen.queryByTestId('claim-success')).toBeNull();
  });
});
