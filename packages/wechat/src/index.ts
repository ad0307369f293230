// @guideshare/wechat — WeChat, WeCom and WeChat Pay v3 adapters. The local simulator that speaks the
// same wire format (dev, tests, benchmarks) is a separate entry: `@guideshare/wechat/simulator`.

export { WechatApiError, WechatPayVerificationError, type VerificationReason } from './errors.js';
export { getHeader, type HeaderSource } from './headers.js';
export {
  AUTH_SCHEMA,
  assertFresh,
  buildAuthorization,
  parseAuthorization,
  randomNonce,
  requestMessage,
  requestPaymentParams,
  signSha256Rsa,
  verifyAuthorization,
  verifySha256Rsa,
  type AuthorizationInput,
  type ParsedAuthorization,
  type PrivateKeyInput,
  type PublicKeyInput,
  type RequestPaymentParams,
  type VerifyAuthorizationInput,
} from './pay-crypto.js';
export { decryptResource, encryptResource, type EncryptedResource } from './aead.js';
export {
  buildNotification,
  signNotification,
  verifyNotification,
  verifyWechatpaySignature,
  type BuildNotificationInput,
  type NotificationEnvelope,
  type PlatformSignatureCheck,
  type VerifyNotificationInput,
} from './notification.js';
export type * from './pay-types.js';
export {
  WechatApiClient,
  type Code2SessionResult,
  type FollowerPage,
  type OaUserInfo,
  type PhoneInfo,
  type UnlimitedWxacodeRequest,
  type WechatApiClientOptions,
} from './wechat-api-client.js';
export { decryptWxData, encryptWxData, WxDataError, type WxWatermark } from './wx-data.js';
export { WecomClient, type ExternalContact, type ExternalFollowUser, type WecomClientOptions } from './wecom-client.js';
export { WechatPayClient, type TradeBillType, type WechatPayClientOptions } from './pay-client.js';
export {
  TRADE_BILL_COLUMNS,
  renderTradeBill,
  summarizeTradeBill,
  type TradeBillRow,
  type TradeBillSummary,
} from './tradebill.js';
export {
  parseTradeBill,
  TradeBillFormatError,
  type BillEntry,
  type ParsedTradeBill,
  type TradeBillEntries,
} from './tradebill-parse.js';
export { cstDate, cstDateTime, rfc3339Cst } from './time.js';
export { DEMO_KEYS, DEMO_KEYS_DIR, isDemoKey, publicKeyFingerprint, type WechatKeys } from './demo-keys.js';
