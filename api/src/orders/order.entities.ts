import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { AttributionRule, OrderChannel, OrderStatus } from '@guideshare/contracts';
import { FenColumn, IdColumn, InstantColumn } from '../common/columns.js';

@Entity('orders')
@Unique('uq_orders_member_idempotency', ['memberId', 'idempotencyKey'])
@Unique('uq_orders_store_receipt', ['storeId', 'receiptNo'])
@Index('uq_orders_order_no', ['orderNo'], { unique: true })
@Index('idx_orders_guide_time', ['attrGuideId', 'createdAt'])
// Sales of a period by the day they were paid or redeemed (reports).
@Index('idx_orders_guide_paid', ['attrGuideId', 'paidAt'])
@Index('idx_orders_member_time', ['memberId', 'createdAt'])
export class OrderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn({ nullable: true })
  memberId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  channel!: OrderChannel;

  /** The short number people read out and copy (order-no.ts); null on orders from before it existed. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  orderNo!: string | null;

  @Column({ type: 'varchar', length: 24 })
  status!: OrderStatus;

  /** Online: the credited store, if any. Store channel: the redeeming store. */
  @IdColumn({ nullable: true })
  storeId!: string | null;

  @FenColumn()
  totalFen!: number;

  /**
   * What the order took and when (`paidAt`): the order's own lifecycle facts, for online and store
   * sales alike (reports group by them). The WeChat Pay facts — prepay id, transaction id, WeChat's
   * success time — are the payments module's (`payments`, `payment_prepays`).
   */
  @FenColumn()
  paidFen!: number;

  @FenColumn()
  refundedFen!: number;

  /** Client retry key (online) — with the request's hash, so a changed body is a 409. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  /** Counter receipt number (store channel). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  receiptNo!: string | null;

  @IdColumn({ nullable: true })
  liveId!: string | null;

  // Attribution, frozen when the order is created (docs/DOMAIN.md rule 7).
  @Column({ type: 'varchar', length: 16 })
  attrRule!: AttributionRule;

  @IdColumn({ nullable: true })
  attrGuideId!: string | null;

  @IdColumn({ nullable: true })
  attrStoreId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  attrShareCode!: string | null;

  @InstantColumn({ nullable: true })
  attrTouchedAt!: Date | null;

  @Column({ type: 'int' })
  attrPolicyVersion!: number;

  @Column({ type: 'boolean' })
  attrCommissionable!: boolean;

  @Column({ type: 'boolean' })
  attrSelfReferral!: boolean;

  /** Evidence (`creditedInsteadOf`): the guide and rule the decision or a correction passed over. */
  @IdColumn({ nullable: true })
  attrInsteadGuideId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  attrInsteadRule!: AttributionRule | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  paidAt!: Date | null;
}

@Entity('order_lines')
export class OrderLineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @IdColumn()
  orderId!: string;

  @IdColumn({ nullable: true })
  skuId!: string | null;

  @IdColumn({ nullable: true })
  productId!: string | null;

  @Column({ type: 'int' })
  quantity!: number;

  @FenColumn()
  unitPriceFen!: number;

  @FenColumn()
  amountFen!: number;

  /** The commission rate frozen with the attribution; accruals and reversals use it, never today's rate. */
  @Column({ type: 'int' })
  rateBps!: number;

  @Column({ type: 'int' })
  refundedQuantity!: number;

  @FenColumn()
  refundedFen!: number;

  @Column({ type: 'int' })
  lineNo!: number;
}
