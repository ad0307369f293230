import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import App from '../../src/app';
import { KEYS } from '../../src/lib/storage';
import { __mock } from '../mocks/taro';
import { apiError, installApi, requestsTo } from '../helpers';

describe('app launch', () => {
  it('logs in silently (wx.login → POST /api/auth/wechat) and keeps the token in storage', async () => {
    installApi({});
    render(
      <App>
        <span data-testid="child">page</span>
      </App>,
    );
    expect(screen.getByTestId('child')).toBeInTheDocument();
    await waitFor(() => expect(__mock.state.storage.get(KEYS.consumerToken)).toBe('consumer-token'));
    expect(Taro.login).toHaveBeenCalledTimes(1);
    expect(requestsTo('POST', '/api/auth/wechat')[0].data).toEqual({ code: 'wx-login-code' });
    expect(__mock.state.storage.get(KEYS.member)).toEqual({ id: 'member-0001', openid: 'o-1' });
  });

  it('does not log in again when a token is stored', async () => {
    __mock.state.storage.set(KEYS.consumerToken, 't');
    installApi({});
    render(
      <App>
        <span />
      </App>,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(Taro.login).not.toHaveBeenCalled();
  });

  it('a failed launch login does not break the app', async () => {
    installApi({ 'POST /api/auth/wechat': apiError(500, 'WECHAT_UNAVAILABLE', 'jscode2session failed') });
    render(
      <App>
        <span data-testid="child" />
      </App>,
    );
    await waitFor(() => expect(requestsTo('POST', '/api/auth/wechat')).toHaveLength(1));
    expect(screen.getByTestId('child')).toBeInTheDocument();
    expect(__mock.state.storage.has(KEYS.consumerToken)).toBe(false);
  });
});
