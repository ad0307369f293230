import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureConsumerLogin } from './lib/auth';
import { installPrivacyHandler } from './lib/privacy';
import './app.css';
import './app-widgets.css';
import './app-orders.css';
import './app-member.css';
import './app-forms.css';
import './app-product.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // WeChat asks through this before any privacy API (address, phone number, clipboard).
    installPrivacyHandler();
    // Silent login on launch; pages that need the token await the same login.
    ensureConsumerLogin().catch(() => {
      // shown by the page that needs it
    });
  });
  return children;
}

export default App;
