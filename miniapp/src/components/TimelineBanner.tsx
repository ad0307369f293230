import { Text, View } from '@tarojs/components';
import './timeline-banner.css';

/**
 * Shown in Moments' single-page mode (scene 1154), where nothing that needs login works: the way
 * into the full mini-program is WeChat's own bar at the bottom of the screen.
 */
export function TimelineBanner() {
  return (
    <View className="timeline-banner" data-testid="timeline-banner">
      <Text className="timeline-banner__title">朋友圈预览</Text>
      <Text className="timeline-banner__text">点击屏幕下方「前往小程序」，即可加购、下单和领取会员权益</Text>
    </View>
  );
}
