import { CategoryEntity, ProductEntity, SkuEntity } from '../catalog/catalog.entities.js';
import { GuideEntity } from '../guides/guide.entity.js';
import { LiveEntity } from '../lives/live.entity.js';
import { StaffAccountEntity } from '../identity/staff.entity.js';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity.js';
import { MemberEntity } from '../members/member.entity.js';
import { OrderEntity, OrderLineEntity } from '../orders/order.entities.js';
import { PaymentEntity } from '../payments/payment.entity.js';
import { PolicyVersionEntity } from '../policy/policy.entity.js';
import { ShareEntity, VisitEntity } from '../shares/share.entities.js';
import { StoreEntity, StoreKeyEntity } from '../stores/store.entity.js';

export const ENTITIES = [
  StoreEntity,
  StoreKeyEntity,
  GuideEntity,
  LiveEntity,
  StaffAccountEntity,
  CategoryEntity,
  ProductEntity,
  SkuEntity,
  PolicyVersionEntity,
  MemberEntity,
  ShareEntity,
  VisitEntity,
  OrderEntity,
  OrderLineEntity,
  PaymentEntity,
  LedgerEntryEntity,
];
