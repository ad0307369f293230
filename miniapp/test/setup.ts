import '@testing-library/jest-dom';
import { act, cleanup, configure } from '@testing-library/react';
import { __mock } from './mocks/taro';
import { resetRecordedVisits } from '../src/lib/entry';
import { resetCatalogCache } from '../src/hooks/useCatalog';
import { resetPrivacy } from '../src/lib/privacy';

// The machine is shared and busy (builds): give findBy/waitFor room before calling a state missing.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  __mock.reset();
  resetRecordedVisits();
  resetCatalogCache();
  resetPrivacy();
  delete (globalThis as { wx?: unknown }).wx;
  process.env.TARO_ENV = 'weapp';
});

afterEach(async () => {
  jest.useRealTimers();
  // Let already-answered mock requests settle inside act before unmounting.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  cleanup();
  jest.clearAllMocks();
});
