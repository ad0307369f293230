import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __mock, type MockResponse } from '../mocks/taro';
import MemberPage from '../../src/pages/member/index';
import { h5PhoneCode, maskPhone } from '../../src/pages/member/RegisterCard';
import { apiError, codeFor, installApi, loginAsConsumer, MEMBER, reply, requestsTo } from '../helpers';

const { unregistered, registered, registerAnswer } = MEMBER;

/** An unregistered member whose 开卡 succeeds (201); the profile reads as registered afterwards. */
function installRegistration() {
  let done = false;
  installApi({
    'GET /api/members/me/code': codeFor(1),
    'GET /api/members/me': () => (done ? registered : unregistered),
    'POST /api/members/register': () => {
      done = true;
      return reply(201, registerAnswer);
    },
  });
}

/** An unregistered member; 开卡 answers `answer`. */
function installRegisterAnswer(answer: MockResponse) {
  installApi({
    'GET /api/members/me/code': codeFor(1),
    'GET /api/members/me': unregistered,
    'POST /api/members/register': answer,
  });
}

describe('member page: 开卡 (registration)', () => {
  beforeEach(() => loginAsConsumer());

  it('weapp: the getPhoneNumber button registers with e.detail.code (201), then shows the binding', async () => {
    installRegistration();
    render(<MemberPage />);
    const button = await screen.findByTestId('register-wechat');
    // the same tap agrees to the privacy guidelines and asks WeChat for the number
    expect(button).toHaveAttribute('data-open-type', 'getPhoneNumber|agreePrivacyAuthorization');
    expect(screen.getByTestId('no-service-guide')).toBeInTheDocument();
    fireEvent.click(button);
    await waitFor(() => expect(screen.queryByTestId('register-card')).toBeNull());
    const [req] = requestsTo('POST', '/api/members/register');
    expect(req.data).toEqual({ phoneCode: 'wx-phone-code' });
    expect(req.header?.Authorization).toBe('Bearer consumer-token');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '开卡成功' }));
    expect(screen.getByTestId('member-registered')).toHaveTextContent('已开卡 · 138****8000');
    expect(await screen.findByTestId('service-guide')).toHaveTextContent('王小美');
    expect(requestsTo('GET', '/api/members/me')).toHaveLength(2);
  });

  it('weapp: an already registered member (200) is told so', async () => {
    installRegisterAnswer(reply(200, registerAnswer));
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您已是会员' })));
    expect(await screen.findByTestId('member-registered')).toBeInTheDocument();
  });

  it('weapp: a refused phone authorisation asks again without calling the API', async () => {
    installApi({ 'GET /api/members/me/code': codeFor(1), 'GET /api/members/me': unregistered });
    __mock.setPhoneNumberResult({ errMsg: 'getPhoneNumber:fail user deny' });
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveAttribute('data-code', 'PHONE_DENIED');
    expect(banner).toHaveTextContent('开卡需要授权手机号');
    expect(requestsTo('POST', '/api/members/register')).toHaveLength(0);
    expect(screen.getByTestId('register-wechat')).toBeInTheDocument();
  });

  it('weapp: PHONE_CODE_INVALID is explained in Chinese and the button stays', async () => {
    installRegisterAnswer(
      apiError(400, 'PHONE_CODE_INVALID', 'WeChat refused the phone number code (40029); ask the user again'),
    );
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveAttribute('data-code', 'PHONE_CODE_INVALID');
    expect(banner).toHaveTextContent('手机号验证失败');
    expect(banner).toHaveTextContent('请重新获取手机号');
    expect(screen.getByTestId('register-wechat')).toHaveTextContent('微信手机号一键开卡');
  });

  it('weapp: WeChat being down is a retryable error', async () => {
    installRegisterAnswer(apiError(502, 'WECHAT_UNAVAILABLE', 'WeChat could not give the phone number; try again'));
    render(<MemberPage />);
    fireEvent.click(await screen.findByTestId('register-wechat'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('微信暂时无法返回手机号');
  });

  it('H5: a phone-number field sends the simulator code phone:<11 digits>.<nonce>', async () => {
    process.env.TARO_ENV = 'h5';
    installRegistration();
    render(<MemberPage />);
    await screen.findByTestId('register-h5');
    expect(screen.queryByTestId('register-wechat')).toBeNull();

    fireEvent.change(screen.getByTestId('register-phone'), { target: { value: '2380013800' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('请输入 11 位手机号');
    expect(requestsTo('POST', '/api/members/register')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('register-phone'), { target: { value: '138 0013 8000' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    // the phone number is personal data: the privacy agreement comes first, nothing is sent before it
    fireEvent.click(await screen.findByTestId('privacy-disagree'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent('同意《用户隐私保护指引》后才能开卡');
    expect(requestsTo('POST', '/api/members/register')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('privacy-popup')).toHaveTextContent('手机号');
    fireEvent.click(screen.getByTestId('privacy-agree'));
    await waitFor(() => expect(screen.queryByTestId('register-card')).toBeNull());
    expect(screen.queryByTestId('privacy-popup')).toBeNull();
    const phoneCode = (requestsTo('POST', '/api/members/register')[0].data as { phoneCode: string }).phoneCode;
    expect(phoneCode).toMatch(/^phone:13800138000\.[0-9a-z]+$/);
    expect(await screen.findByTestId('member-registered')).toHaveTextContent('138****8000');
  });

  it('H5: a used or bad phone code shows PHONE_CODE_INVALID', async () => {
    process.env.TARO_ENV = 'h5';
    installRegisterAnswer(
      apiError(400, 'PHONE_CODE_INVALID', 'WeChat refused the phone number code (40029); ask the user again'),
    );
    render(<MemberPage />);
    fireEvent.change(await screen.findByTestId('register-phone'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    fireEvent.click(await screen.findByTestId('privacy-agree'));
    expect(await screen.findByTestId('error-banner')).toHaveAttribute('data-code', 'PHONE_CODE_INVALID');
    expect(screen.getByTestId('register-submit')).toHaveTextContent('立即开卡');
  });

  it('phone helpers', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone(null)).toBe('');
    const a = h5PhoneCode('13800138000', 1);
    const b = h5PhoneCode('13800138000', 1);
    expect(a).toMatch(/^phone:13800138000\.[0-9a-z]+$/);
    expect(a).not.toBe(b); // single-use codes: never the same twice
  });
});
