import { Button, View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { isH5 } from '../lib/env';
import {
  agreePrivacy,
  disagreePrivacy,
  onPrivacyPrompt,
  openPrivacyGuide,
  PRIVACY_AGREE_BUTTON_ID,
  PRIVACY_GUIDE_NAME,
} from '../lib/privacy';

/**
 * The privacy agreement WeChat requires before a privacy API (address, phone number, clipboard): shown
 * while such an API waits. In weapp the agree button is `open-type="agreePrivacyAuthorization"`, so
 * WeChat sees the user's own tap before the waiting API goes on.
 */
export function PrivacyPopup() {
  const [open, setOpen] = useState(false);
  useEffect(() => onPrivacyPrompt(setOpen), []);
  if (!open) return null;
  const h5 = isH5();
  return (
    <View className="mask" data-testid="privacy-popup">
      <View className="sheet">
        <Text className="sheet__title">用户隐私保护提示</Text>
        <Text className="sheet__text">
          为了给您配送商品、办理到店自提、提供会员服务和复制订单号，我们需要使用您的收货地址、手机号、剪贴板等信息。请您阅读并同意
          {PRIVACY_GUIDE_NAME}后继续；您可以随时在“我的 - 我的数据与账号”中查看或注销。
        </Text>
        <Text className="link link--block" onClick={openPrivacyGuide} data-testid="privacy-guide-link">
          查看{PRIVACY_GUIDE_NAME}
        </Text>
        <View className="row sheet__actions">
          <View className="btn btn--ghost sheet__btn" onClick={disagreePrivacy} data-testid="privacy-disagree">
            不同意
          </View>
          {h5 ? (
            <Button
              className="btn btn--primary sheet__btn ml"
              onClick={() => agreePrivacy()}
              data-testid="privacy-agree"
            >
              同意并继续
            </Button>
          ) : (
            <Button
              id={PRIVACY_AGREE_BUTTON_ID}
              className="btn btn--primary sheet__btn ml"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={() => agreePrivacy(PRIVACY_AGREE_BUTTON_ID)}
              data-testid="privacy-agree"
            >
              同意并继续
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}
