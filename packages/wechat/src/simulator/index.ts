// @guideshare/wechat/simulator — a local WeChat, WeCom and WeChat Pay v3 server speaking the production
// wire format, for dev, demo mode, tests and benchmarks. Production code imports `@guideshare/wechat`.

export { startWechatSimulator, type WechatSimulator, type WechatSimulatorOptions } from './server.js';
export { simulatedUser, simulatedExternalUserId, userKeyFromCode, type SimulatedUser } from './ids.js';
export { wxacodeContent } from './wxa-routes.js';
export type { BuiltNotification, SimTime } from './actions.js';
export type { ExternalContactSeed, FollowerSeed } from './seed.js';
export type {
  SimExternalContact,
  SimFollower,
  SimNotificationRecord,
  SimRefund,
  SimState,
  SimTransaction,
} from './state.js';
