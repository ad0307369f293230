import { AttributionCorrectionEntity } from '../attribution-corrections/attribution-correction.entity.js';
import { ClaimEntity } from '../claims/claim.entity.js';
import { AfterSaleEntity } from '../after-sales/after-sale.entity.js';
import { CategoryEntity, ProductEntity, SkuEntity, StockMovementEntity } from '../catalog/catalog.entities.js';
import { FulfilmentEntity, MemberAddressEntity } from '../fulfilment/fulfilment.entities.js';
import { GuideEntity } from '../guides/guide.entity.js';
import { LiveEntity } from '../lives/live.entity.js';
import { MemberRegistrationEntity } from '../identity/registration.entity.js';
import { StaffAccountEntity } from '../identity/staff.entity.js';
import { SettlementEntity, StatementEntity } from '../finance/settlement.entities.js';
import { ReconciliationRunEntity } from '../finance/reconciliation-run.entity.js';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity.js';
import { LedgerHoldEntity } from '../ledger/ledger-hold.entity.js';
import { MemberBindingAuditEntity } from '../members/member-binding-audit.entity.js';
import { MemberCodeUseEntity } from '../members/member-code-use.entity.js';
import { MemberEntity } from '../members/member.entity.js';
import { OrderEntity, OrderLineEntity } from '../orders/order.entities.js';
import { PaymentEntity, PaymentPrepayEntity } from '../payments/payment.entity.js';
import { PolicyVersionEntity } from '../policy/policy.entity.js';
import { LeaseEntity } from '../scheduling/lease.entity.js';
import { RefundEntity, RefundLineEntity } from '../refunds/refund.entities.js';
import { SharePosterEntity, ShareWxacodeEntity } from '../shares/share-media.entities.js';
import { ShareEntity, VisitEntity } from '../shares/share.entities.js';
import { StoreEntity, StoreKeyEntity } from '../stores/store.entity.js';
import { UploadEntity } from '../uploads/upload.entity.js';
import { OaFollowerEntity } from '../wecom/oa-follower.entity.js';
import { MemberWechatSessionEntity } from '../wechat-sessions/wechat-session.entity.js';

export const ENTITIES = [
  AttributionCorrectionEntity,
  ClaimEntity,
  StoreEntity,
  StoreKeyEntity,
  GuideEntity,
  LiveEntity,
  StaffAccountEntity,
  CategoryEntity,
  ProductEntity,
  SkuEntity,
  StockMovementEntity,
  UploadEntity,
  ReconciliationRunEntity,
  PolicyVersionEntity,
  MemberEntity,
  MemberBindingAuditEntity,
  MemberCodeUseEntity,
  ShareEntity,
  VisitEntity,
  OrderEntity,
  OrderLineEntity,
  PaymentEntity,
  PaymentPrepayEntity,
  LedgerEntryEntity,
  LedgerHoldEntity,
  RefundEntity,
  RefundLineEntity,
  SettlementEntity,
  StatementEntity,
  MemberRegistrationEntity,
  OaFollowerEntity,
  LeaseEntity,
  FulfilmentEntity,
  MemberAddressEntity,
  ShareWxacodeEntity,
  SharePosterEntity,
  AfterSaleEntity,
  MemberWechatSessionEntity,
];
