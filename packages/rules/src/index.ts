// @guideshare/rules — the functional core of GuideShare: attribution, binding, commission and
// settlement maths as pure functions over plain data (no I/O, no clock). See README.md.
export type {
  AttributionDecision,
  AttributionPolicy,
  AttributionRule,
  BindingMode,
  BindingPolicy,
  GuideRef,
  PassedOver,
  ServicePriority,
  LiveSession,
  MemberBinding,
  ShareKind,
  Touch,
} from './types.js';
export { DEFAULT_POLICY_OPTIONS } from './types.js';
export { decideOnlineAttribution, decideStoreAttribution, shareMayTakeCredit } from './attribution.js';
export type { OnlineAttributionInput, StoreAttributionInput } from './attribution.js';
export { resolveActiveGuide } from './guides.js';
export { decideBinding, effectiveBinding, hasLapsed, isProtected } from './binding.js';
export type { BindingChangeKind, BindingDecision, BindingEvent } from './binding.js';
export { isLaterTouch, latestTouch, latestTouchWithinWindow } from './touches.js';
export { resolveRateBps } from './rates.js';
export type { RateInput } from './rates.js';
export { commissionFen, creditTransferFen, reversalFen } from './commission.js';
export type { CreditTransferInput, ReversalInput } from './commission.js';
export { allocateProportionally } from './allocation.js';
export { buildStatements } from './settlement.js';
export type {
  GuideStatement,
  LedgerEntryKind,
  SettlementEntry,
  StatementInput,
  StatementsResult,
} from './settlement.js';
