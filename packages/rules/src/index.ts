// @guideshare/rules — the functional core of GuideShare: attribution, binding, commission and
// settlement maths as pure functions over plain data (no I/O, no clock). See README.md.
export type {
  AttributionDecision,
  AttributionPolicy,
  AttributionRule,
  GuideRef,
  LiveSession,
  MemberBinding,
  ShareKind,
  Touch,
} from './types.js';
export { decideOnlineAttribution, decideStoreAttribution } from './attribution.js';
export type { OnlineAttributionInput, StoreAttributionInput } from './attribution.js';
export { resolveActiveGuide } from './guides.js';
export { bindOnTouch } from './binding.js';
export { isLaterTouch, latestTouch, latestTouchWithinWindow } from './touches.js';
export { resolveRateBps } from './rates.js';
export type { RateInput } from './rates.js';
export { commissionFen, reversalFen } from './commission.js';
export type { ReversalInput } from './commission.js';
export { allocateProportionally } from './allocation.js';
export { buildStatements } from './settlement.js';
export type {
  GuideStatement,
  LedgerEntryKind,
  SettlementEntry,
  StatementInput,
  StatementsResult,
} from './settlement.js';
