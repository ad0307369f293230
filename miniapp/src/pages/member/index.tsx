import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type MemberCode } from '../../lib/api'
import { currentMember } from '../../lib/auth'
import type { IconName } from '../../lib/icons'
import { shortId } from '../../lib/labels'
import { useAsync } from '../../hooks/useAsync'
import { useReShare } from '../../hooks/useEntry'
import { Icon } from '../../components/Icon'
import { QrImage } from '../../components/QrImage'
import { ErrorState, Loading } from '../../components/State'
import { TabBar } from '../../components/TabBar'

/** Refresh this long before the code expires, but never sooner than MIN_REFRESH_MS from now. */
export const REFRESH_LEAD_MS = 15_000
export const MIN_REFRESH_MS = 5_000
export const FALLBACK_REFRESH_MS = 60_000

export function refreshDelay(code: MemberCode, now = Date.now()): number {
  const expires = Date.parse(code.expiresAt)
  if (!Number.isFinite(expires)) return FALLBACK_REFRESH_MS
  return Math.max(MIN_REFRESH_MS, expires - now - REFRESH_LEAD_MS)
}

/** "1234 5678 9012" — easier to read out at the counter. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

const MENU: Array<{ text: string; icon: IconName; url: string; testId: string }> = [
  { text: '我的订单', icon: 'order', url: '/pages/orders/index', testId: 'menu-orders' },
  { text: '直播', icon: 'live', url: '/pages/lives/index', testId: 'menu-lives' },
  { text: '导购工作台', icon: 'guide', url: '/pages/guide/index', testId: 'menu-guide' },
]

export default function MemberPage() {
  const code = useAsync(() => api.memberCode(), [])
  const [now, setNow] = useState(() => Date.now())
  const member = currentMember()
  useReShare('pages/index/index', {}, null, () => ({ title: 'GuideShare 优选 · 导购精选好物' }))

  // Refresh the member code shortly before it expires.
  const current = code.status === 'ready' ? code.data : undefined
  useEffect(() => {
    if (!current) return undefined
    const t = setTimeout(() => void code.reload(), refreshDelay(current))
    return () => clearTimeout(t)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current])

  // Countdown tick.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [])

  const secondsLeft = current ? Math.max(0, Math.round((Date.parse(current.expiresAt) - now) / 1000)) : 0

  return (
    <View className='page page--tabbed'>
      <View className='profile'>
        <View className='profile__avatar'>
          <Icon name='user' color='#ffffff' />
        </View>
        <View className='profile__body'>
          <Text className='profile__name'>{member ? `会员 ${shortId(member.id, 6)}` : '微信会员'}</Text>
          <Text className='profile__sub'>线上线下权益通用</Text>
        </View>
      </View>

      <View className='card member-code' data-testid='member-code-card'>
        <View className='row row--between'>
          <Text className='card__title'>会员码</Text>
          <Text className='link' onClick={() => void code.reload()} data-testid='member-code-refresh'>刷新</Text>
        </View>
        {code.status === 'loading' && !code.data ? <Loading text='正在生成会员码…' /> : null}
        {code.status === 'error' ? <ErrorState error={code.error} onRetry={code.reload} /> : null}
        {code.data && code.status !== 'error' ? (
          <View className='member-code__body'>
            <QrImage text={code.data.code} size='lg' testId='member-qr' />
            <Text className='member-code__text' data-testid='member-code'>{groupCode(code.data.code)}</Text>
            <Text className='muted' data-testid='member-code-expiry'>
              {code.status === 'loading' ? '正在刷新…' : secondsLeft > 0 ? `${secondsLeft} 秒后自动刷新` : '即将刷新'}
            </Text>
            <Text className='muted member-code__hint'>到店结账时向店员出示，消费计入会员权益</Text>
          </View>
        ) : null}
      </View>

      <View className='card menu'>
        {MENU.map((m) => (
          <View key={m.url} className='menu__item' onClick={() => Taro.navigateTo({ url: m.url })} data-testid={m.testId}>
            <Icon name={m.icon} className='icon--sm' />
            <Text className='menu__text'>{m.text}</Text>
            <Icon name='chevron' color='#c0c4cc' className='icon--xs' />
          </View>
        ))}
      </View>

      <TabBar current='member' />
    </View>
  )
}
