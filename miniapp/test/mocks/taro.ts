// Hand-written stand-in for @tarojs/taro in jsdom tests: in-memory storage, a routable fake
// `request`, router params, launch options, and the page lifecycle hooks as React effects.
import { useEffect, useRef } from 'react';

export interface MockRequest {
  url: string;
  method: string;
  data?: unknown;
  header?: Record<string, string>;
}
export interface MockResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}
type Handler = (req: MockRequest) => MockResponse | Promise<MockResponse>;

/** What `chooseAddress` hands back unless a test sets another address. */
const CHOSEN_ADDRESS = {
  userName: '张三',
  telNumber: '13800001234',
  provinceName: '上海市',
  cityName: '上海市',
  countyName: '静安区',
  detailInfo: '南京西路 1000 号',
};

const state = {
  storage: new Map<string, unknown>(),
  router: { path: '', params: {} as Record<string, string | undefined> },
  launchOptions: { path: '', scene: 0, query: {} } as Record<string, unknown>,
  enterOptions: null as Record<string, unknown> | null,
  handler: null as Handler | null,
  requests: [] as MockRequest[],
  share: null as null | ((res?: unknown) => unknown),
  shareTimeline: null as null | (() => unknown),
  /** What downloadFile answers (the poster); a function of the request for failures. */
  download: { statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' } as Record<string, unknown>,
  /** What getGroupEnterInfo answers, or an error to throw. */
  groupEnterInfo: { encryptedData: 'ENCRYPTED', iv: 'IV' } as Record<string, unknown> | Error,
  didShow: new Set<() => void>(),
  /** What a `getPhoneNumber` button hands its handler when tapped (see components mock). */
  phoneNumber: { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code' } as Record<string, unknown>,
  address: { ...CHOSEN_ADDRESS } as Record<string, unknown>,
};

export const __mock = {
  state,
  setHandler(h: Handler | null) {
    state.handler = h;
  },
  setRouter(params: Record<string, string | undefined>, path = '') {
    state.router = { path, params };
  },
  setLaunchOptions(o: Record<string, unknown>) {
    state.launchOptions = o;
  },
  setEnterOptions(o: Record<string, unknown> | null) {
    state.enterOptions = o;
  },
  /** Calls the page's onShareTimeline as WeChat would. */
  triggerShareTimeline() {
    if (!state.shareTimeline) throw new Error('no useShareTimeline handler registered');
    return state.shareTimeline();
  },
  /** Calls the page's onShareAppMessage as WeChat would. */
  triggerShare(res: unknown = { from: 'menu' }) {
    if (!state.share) throw new Error('no useShareAppMessage handler registered');
    return state.share(res);
  },
  setPhoneNumberResult(detail: Record<string, unknown>) {
    state.phoneNumber = detail;
  },
  triggerDidShow() {
    state.didShow.forEach((f) => f());
  },
  reset() {
    state.storage.clear();
    state.router = { path: '', params: {} };
    state.launchOptions = { path: '', scene: 0, query: {} };
    state.enterOptions = null;
    state.handler = null;
    state.requests = [];
    state.share = null;
    state.shareTimeline = null;
    state.download = { statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' };
    state.groupEnterInfo = { encryptedData: 'ENCRYPTED', iv: 'IV' };
    state.didShow.clear();
    state.phoneNumber = { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code' };
    state.address = { ...CHOSEN_ADDRESS };
  },
};

const ok = <T extends object>(extra?: T) => Promise.resolve({ errMsg: 'ok', ...(extra ?? {}) });

export const request = jest.fn(async (opts: MockRequest) => {
  const req: MockRequest = {
    url: opts.url,
    method: (opts.method ?? 'GET').toUpperCase(),
    data: opts.data,
    header: opts.header,
  };
  state.requests.push(req);
  if (!state.handler) throw { errMsg: 'request:fail no handler' };
  return state.handler(req);
});

export const getStorageSync = (key: string) => (state.storage.has(key) ? state.storage.get(key) : '');
export const setStorageSync = (key: string, value: unknown) => {
  state.storage.set(key, JSON.parse(JSON.stringify(value)));
};
export const removeStorageSync = (key: string) => {
  state.storage.delete(key);
};
export const login = jest.fn(() => ok({ code: 'wx-login-code' }));
export const getLaunchOptionsSync = () => state.launchOptions;
export const getEnterOptionsSync = () => state.enterOptions ?? state.launchOptions;
export const navigateTo = jest.fn((_o: { url: string }) => ok());
export const redirectTo = jest.fn((_o: { url: string }) => ok());
export const reLaunch = jest.fn((_o: { url: string }) => ok());
export const switchTab = jest.fn((_o: { url: string }) => ok());
export const navigateBack = jest.fn(() => ok());
export const showToast = jest.fn((_o: unknown) => ok());
export const showModal = jest.fn((_o: unknown) => ok({ confirm: true, cancel: false }));
export const setClipboardData = jest.fn((_o: { data: string }) => ok());
export const pageScrollTo = jest.fn((_o: unknown) => ok());
export const requestPayment = jest.fn((_o: unknown) => ok());
export const downloadFile = jest.fn(async (_o: { url: string; header?: Record<string, string> }) => ({
  errMsg: 'downloadFile:ok',
  ...state.download,
}));
export const saveImageToPhotosAlbum = jest.fn((_o: { filePath: string }) => ok());
export const openSetting = jest.fn((_o?: unknown) => ok({ authSetting: {} }));
export const showShareMenu = jest.fn((_o: unknown) => ok());
export const getGroupEnterInfo = jest.fn(async (_o?: unknown) => {
  if (state.groupEnterInfo instanceof Error) throw { errMsg: state.groupEnterInfo.message };
  return { errMsg: 'getGroupEnterInfo:ok', ...state.groupEnterInfo };
});
export const previewImage = jest.fn((_o: unknown) => ok());
/** What `chooseAddress` gives (set `__mock.state.address` to an errMsg object to make it fail). */
export const chooseAddress = jest.fn(() => {
  const a = state.address;
  return 'errMsg' in a && String(a.errMsg).includes('fail') ? Promise.reject(a) : ok(a);
});

export function useRouter() {
  return state.router;
}

export function useLoad(cb: (params: Record<string, string | undefined>) => void) {
  useEffect(() => {
    cb(state.router.params);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

export function useLaunch(cb: (o: unknown) => void) {
  useEffect(() => {
    cb(state.launchOptions);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

export function useDidShow(cb: () => void) {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    const f = () => ref.current();
    state.didShow.add(f);
    f();
    return () => {
      state.didShow.delete(f);
    };
  }, []);
}

export function useShareAppMessage(cb: (res?: unknown) => unknown) {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    const f = (res?: unknown) => ref.current(res);
    state.share = f;
    return () => {
      if (state.share === f) state.share = null;
    };
  }, []);
}

export function useShareTimeline(cb: () => unknown) {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    const f = () => ref.current();
    state.shareTimeline = f;
    return () => {
      if (state.shareTimeline === f) state.shareTimeline = null;
    };
  }, []);
}

export const usePullDownRefresh = (_cb: () => void) => undefined;

const Taro = {
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  login,
  getLaunchOptionsSync,
  getEnterOptionsSync,
  navigateTo,
  redirectTo,
  reLaunch,
  switchTab,
  navigateBack,
  showToast,
  showModal,
  setClipboardData,
  pageScrollTo,
  requestPayment,
  downloadFile,
  saveImageToPhotosAlbum,
  openSetting,
  showShareMenu,
  getGroupEnterInfo,
  previewImage,
  chooseAddress,
  useRouter,
  useLoad,
  useLaunch,
  useDidShow,
  useShareAppMessage,
  useShareTimeline,
  usePullDownRefresh,
};

export default Taro;
