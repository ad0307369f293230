import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MemberPage, { groupCode, refreshDelay } from '../../src/pages/member/index'
import { apiError, installApi, loginAsConsumer, never, requestsTo } from '../helpers'

describe('member page', () => {
  beforeEach(() => loginAsConsumer())

  it('loading', () => {
    installApi({ 'GET /api/members/me/code': () => never() })
    render(<MemberPage />)
    expect(screen.getByTestId('state-loading')).toHaveTextContent('正在生成会员码')
  })

  it('error with the API message', async () => {
    installApi({ 'GET /api/members/me/code': apiError(403, 'MEMBER_NOT_REGISTERED', '请先开通会员') })
    render(<MemberPage />)
    const err = await screen.findByTestId('state-error')
    expect(err).toHaveTextContent('请先开通会员')
    expect(err).toHaveAttribute('data-code', 'MEMBER_NOT_REGISTERED')
  })

  it('draws the member code as a QR and refreshes it before it expires', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
    let n = 0
    installApi({
      'GET /api/members/me/code': () => {
        n++
        return { code: `12345678000${n}`, expiresAt: new Date(Date.now() + 60_000).toISOString() }
      },
    })
    render(<MemberPage />)
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10)
    })
    expect(screen.getByTestId('member-code')).toHaveTextContent('1234 5678 0001')
    const qr = screen.getByTestId('member-qr')
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(qr).toHaveAttribute('data-text', '123456780001')
    expect(screen.getByTestId('member-code-expiry')).toHaveTextContent('60 秒后自动刷新')

    await act(async () => {
      await jest.advanceTimersByTimeAsync(44_000) // refresh is due 15 s before expiry
    })
    expect(requestsTo('GET', '/api/members/me/code')).toHaveLength(1)
  })

  it('links to orders and the guide workbench', async () => {
    installApi({ 'GET /api/members/me/code': { code: '1', expiresAt: new Date(Date.now() + 60e3).toISOString() } })
    render(<MemberPage />)
    fireEvent.click(screen.getByTestId('menu-orders'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/orders/index' })
    fireEvent.click(screen.getByTestId('menu-guide'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/guide/index' })
    await screen.findByTestId('member-code')
  })

  it('computes refresh delays', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(refreshDelay({ code: 'x', expiresAt: '2025-01-01T00:01:00Z' }, now)).toBe(45_000)
    expect(refreshDelay({ code: 'x', expiresAt: '2025-01-01T00:00:10Z' }, now)).toBe(5_000)
    expect(refreshDelay({ code: 'x', expiresAt: 'garbage' }, now)).toBe(60_000)
    expect(groupCode('123456789')).toBe('1234 5678 9')
  })
})
