import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureConsumerLogin } from './lib/auth';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Silent login on launch; pages that need the token await the same login.
    ensureConsumerLogin().catch(() => {
      // shown by the page that needs it
    });
  });
  return children;
}

export default App;
