import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FulfilmentStatus, FulfilmentType } from '@guideshare/contracts';
import { IdColumn, InstantColumn } from '../common/columns.js';

/**
 * How an online order reaches its buyer: delivered to an address or picked up at a store. One row
 * per order, written with the order; its status moves only by the transition table in
 * `fulfilment-state.ts` and never touches money or credit. Personal fields (the address) are
 * cleared when the member deletes their account; the row itself stays with the order.
 */
@Entity('fulfilments')
@Index('uq_fulfilments_pickup_code', ['pickupCode'], { unique: true })
@Index('idx_fulfilments_status_shipped', ['status', 'shippedAt'])
@Index('idx_fulfilments_member', ['memberId'])
export class FulfilmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  orderId!: string;

  /** The buyer: who may confirm receipt and see the pickup code. */
  @IdColumn()
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: FulfilmentType;

  @Column({ type: 'varchar', length: 24 })
  status!: FulfilmentStatus;

  /** Pickup: the store the buyer chose; only its counter may hand the order over. */
  @IdColumn({ nullable: true })
  storeId!: string | null;

  /** Pickup: the code the buyer shows at the counter (unique; revealed once the order is paid). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  pickupCode!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  addrName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  addrPhone!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  addrProvince!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  addrCity!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  addrDistrict!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addrDetail!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  carrier!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  trackingNo!: string | null;

  /** Set when the order is paid: only then may it be shipped or handed over. */
  @InstantColumn({ nullable: true })
  paidAt!: Date | null;

  @InstantColumn({ nullable: true })
  shippedAt!: Date | null;

  @InstantColumn({ nullable: true })
  fulfilledAt!: Date | null;

  /** How it ended: `receipt` (buyer confirmed), `auto` (days after shipping), `pickup` (at the counter). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  fulfilledBy!: 'receipt' | 'auto' | 'pickup' | null;

  @InstantColumn()
  createdAt!: Date;
}

/** The last delivery address a member used, offered again at the next checkout. */
@Entity('member_addresses')
export class MemberAddressEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  phone!: string;

  @Column({ type: 'varchar', length: 50 })
  province!: string;

  @Column({ type: 'varchar', length: 50 })
  city!: string;

  @Column({ type: 'varchar', length: 50 })
  district!: string;

  @Column({ type: 'varchar', length: 200 })
  detail!: string;

  @InstantColumn()
  updatedAt!: Date;
}
