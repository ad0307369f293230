import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PRIVACY_GUIDE_NAME } from '../../../lib/privacy';

/** What is collected, why, who else sees it, how long it is kept, and the member's rights (PIPL). */
export const PRIVACY_SECTIONS: Array<{ title: string; items: Array<[what: string, why: string]> }> = [
  {
    title: '我们收集哪些信息，用来做什么',
    items: [
      ['微信身份标识（OpenID / UnionID）', '识别您的会员身份，免密登录，关联您在线上和门店的消费'],
      ['手机号（仅在您点击“一键开卡”并授权后）', '开通会员卡，门店凭会员码识别您，重要订单通知'],
      ['收货地址（仅在您选择快递配送时）', '为您配送商品；下次结算时为您预填上次使用的地址'],
      ['订单、支付、退款和售后记录', '完成交易、售后和财务对账'],
      ['导购分享的访问记录与所在群聊', '为您匹配专属导购，计算导购服务业绩'],
      ['剪贴板（仅在您点击“复制”时写入）', '复制订单号、运单号，方便您查询'],
    ],
  },
  {
    title: '我们与谁共享',
    items: [
      ['微信支付', '完成付款和原路退款'],
      ['快递公司', '仅限快递订单的收货人、电话和地址'],
      ['您选择的门店和为您服务的导购', '到店自提核验、会员服务；导购看到的手机号已隐去中间四位'],
    ],
  },
  {
    title: '保存期限与您的权利',
    items: [
      ['保存期限', '个人信息保存至您注销账号；订单金额等财务记录依法保存，注销后不再关联到您本人'],
      ['查看', '在“我的 - 我的数据与账号”查看我们保存的您的信息'],
      ['注销', '在同一页面注销账号，手机号、地址和微信标识随即删除'],
      ['撤回同意', '可在微信“设置 - 隐私”中管理授权，撤回后相关功能将无法使用'],
    ],
  },
];

export default function PrivacyPage() {
  return (
    <View className="page" data-testid="privacy-page">
      <View className="card">
        <Text className="card__title">{PRIVACY_GUIDE_NAME}</Text>
        <Text className="muted">
          GuideShare
          优选依据《个人信息保护法》和微信小程序平台规则处理您的个人信息：只为下列目的收集必要的信息，未经您同意不用于其他用途。
        </Text>
      </View>
      {PRIVACY_SECTIONS.map((s) => (
        <View key={s.title} className="card" data-testid="privacy-section">
          <Text className="card__title">{s.title}</Text>
          {s.items.map(([what, why]) => (
            <View key={what} className="privacy__item">
              <Text className="privacy__what">{what}</Text>
              <Text className="privacy__why">{why}</Text>
            </View>
          ))}
        </View>
      ))}
      <View
        className="btn btn--ghost btn--block"
        onClick={() => Taro.navigateTo({ url: '/pages/account/data/index' })}
        data-testid="privacy-my-data"
      >
        查看我的数据 / 注销账号
      </View>
    </View>
  );
}
