import { Image } from '@tarojs/components';
import { iconUrl, type IconName } from '../lib/icons';

export function Icon({ name, color, className = '' }: { name: IconName; color?: string; className?: string }) {
  return <Image className={`icon ${className}`} src={iconUrl(name, color)} mode="aspectFit" />;
}
