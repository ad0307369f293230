import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import type {
  DeliveryAddress,
  Fulfilment,
  FulfilmentRequest,
  FulfilmentStatus,
  FulfilmentType,
  MemberAddress,
} from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { randomDigits, withUniqueCode } from '../common/unique-code.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { StoresService } from '../stores/stores.service.js';
import { FulfilmentEntity, MemberAddressEntity } from './fulfilment.entities.js';
import { canApply, stepOf, type FulfilmentEvent } from './fulfilment-state.js';
import { addressColumns, toFulfilment, toMemberAddress } from './fulfilment-view.js';

const DAY = 86_400_000;
export const PICKUP_CODE_DIGITS = 8;

/**
 * Fulfilment of online orders (delivery or store pickup), reached through intentions: `open` with the
 * order, `onPaid` in the paying transaction, `ship`, `confirmReceipt`, `handOver`, and the sweep that
 * confirms receipt some days after shipping. Every move is a conditional UPDATE from the statuses the
 * transition table allows, so a repeat or a race changes nothing twice. Callers check the order
 * (owner, payment state); this module knows only fulfilments.
 */
@Injectable()
export class FulfilmentService {
  private readonly logger = new Logger('Fulfilment');

  constructor(
    @InjectRepository(FulfilmentEntity) private readonly fulfilments: Repository<FulfilmentEntity>,
    @InjectRepository(MemberAddressEntity) private readonly addresses: Repository<MemberAddressEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stores: StoresService,
  ) {}

  /** Checks a request before the order's transaction (an unknown store writes nothing). */
  async validate(request: FulfilmentRequest): Promise<void> {
    if (request.type === 'pickup') {
      await this.stores.require(request.storeId).catch(() => {
        throw AppError.badRequest('PICKUP_STORE_NOT_FOUND', `No store ${request.storeId} to pick up at`);
      });
    }
  }

  /** The fulfilment of a new order, in the order's transaction; a delivery address is remembered. */
  async open(
    em: EntityManager,
    order: { id: string; memberId: string; at: Date },
    request: FulfilmentRequest,
  ): Promise<FulfilmentEntity> {
    const address: DeliveryAddress | null = request.type === 'delivery' ? request.address : null;
    const row: FulfilmentEntity = {
      orderId: order.id,
      memberId: order.memberId,
      type: request.type,
      status: 'PENDING',
      storeId: request.type === 'pickup' ? request.storeId : null,
      pickupCode: null,
      ...addressColumns(address),
      carrier: null,
      trackingNo: null,
      paidAt: null,
      shippedAt: null,
      fulfilledAt: null,
      fulfilledBy: null,
      createdAt: order.at,
    };
    if (request.type === 'pickup') {
      await withUniqueCode(
        () => randomDigits(PICKUP_CODE_DIGITS),
        { index: 'uq_fulfilments_pickup_code', column: 'pickupCode' },
        (code) => em.insert(FulfilmentEntity, { ...row, pickupCode: code }).then(() => (row.pickupCode = code)),
      );
    } else {
      await em.insert(FulfilmentEntity, row);
    }
    if (address) {
      const { name, phone, province, city, district, detail } = address;
      await em.upsert(
        MemberAddressEntity,
        { memberId: order.memberId, name, phone, province, city, district, detail, updatedAt: order.at },
        ['memberId'],
      );
    }
    return row;
  }

  /** The order was paid (inside the paying transaction): a pickup order becomes READY_FOR_PICKUP. */
  async onPaid(em: EntityManager, orderId: string, at: Date): Promise<void> {
    const f = await em.getRepository(FulfilmentEntity).findOneBy({ orderId });
    if (!f) return; // an order without a fulfilment choice (counter sale, or from before fulfilment existed)
    await this.apply(em, f, 'paid', { paidAt: at }, { paidAt: IsNull() });
  }

  /** Ops ship a paid delivery order. Shipping again with the same carrier and number changes nothing. */
  async ship(em: EntityManager, orderId: string, shipment: { carrier: string; trackingNo: string }, at: Date) {
    const f = await this.require(em, orderId);
    if (f.type !== 'delivery') throw AppError.conflict('NOT_A_DELIVERY', 'A pickup order is handed over, not shipped');
    if (f.status !== 'PENDING') {
      if (f.status === 'SHIPPED' && f.carrier === shipment.carrier && f.trackingNo === shipment.trackingNo) return;
      throw AppError.conflict('ALREADY_SHIPPED', `This order is ${f.status} already`);
    }
    if (!f.paidAt) throw AppError.conflict('ORDER_NOT_PAID', 'An unpaid order cannot be shipped');
    await this.apply(em, f, 'ship', { ...shipment, shippedAt: at });
  }

  /** The buyer confirms receipt of a shipped delivery; a repeat changes nothing. */
  async confirmReceipt(em: EntityManager, orderId: string, at: Date): Promise<void> {
    const f = await this.require(em, orderId);
    if (f.type !== 'delivery') throw AppError.conflict('NOT_A_DELIVERY', 'A pickup order is received at the store');
    if (f.status === 'FULFILLED') return;
    if (f.status !== 'SHIPPED') throw AppError.conflict('NOT_SHIPPED', 'The order has not been shipped yet');
    await this.apply(em, f, 'receive', { fulfilledAt: at, fulfilledBy: 'receipt' });
  }

  /** The pickup order a counter asks for by its code, or a 404. */
  async requireByPickupCode(em: EntityManager, pickupCode: string): Promise<FulfilmentEntity> {
    const f = await em.getRepository(FulfilmentEntity).findOneBy({ pickupCode, paidAt: Not(IsNull()) });
    if (!f) throw AppError.notFound('PICKUP_CODE_NOT_FOUND', 'No paid order has this pickup code');
    return f;
  }

  /**
   * The chosen store's counter hands a paid pickup order over; true when this call did. Another
   * store → 409; a repeat at the same store → false, nothing changes (the caller answers with the
   * order again).
   */
  async handOver(em: EntityManager, f: FulfilmentEntity, storeId: string, at: Date): Promise<boolean> {
    if (f.storeId !== storeId)
      throw AppError.conflict('PICKUP_AT_OTHER_STORE', 'This order is to be picked up at another store');
    if (f.status === 'FULFILLED') return false;
    return this.apply(em, f, 'handOver', { fulfilledAt: at, fulfilledBy: 'pickup' });
  }

  /** Shipped deliveries nobody confirmed within AUTO_RECEIPT_DAYS are received automatically; returns how many. */
  async autoConfirmDue(now = new Date()): Promise<number> {
    const step = stepOf('receive', 'delivery')!;
    const result = await this.fulfilments.update(
      {
        type: 'delivery',
        status: In(step.from),
        shippedAt: LessThanOrEqual(new Date(now.getTime() - this.config.autoReceiptDays * DAY)),
      },
      { status: step.to, fulfilledAt: now, fulfilledBy: 'auto' },
    );
    const n = result.affected ?? 0;
    if (n) this.logger.log(`Confirmed receipt of ${n} shipped order(s) automatically`);
    return n;
  }

  // ---------------------------------------------------------------- reads

  async viewsOf(orderIds: string[], revealPickupCode: boolean): Promise<Map<string, Fulfilment>> {
    if (!orderIds.length) return new Map();
    const rows = await this.fulfilments.findBy({ orderId: In(orderIds) });
    return new Map(rows.map((f) => [f.orderId, toFulfilment(f, revealPickupCode)]));
  }

  /** A subquery of the order ids whose fulfilment matches, for another module's search to filter by. */
  orderIdsQuery(filter: { type?: FulfilmentType; status?: FulfilmentStatus }): {
    sql: string;
    parameters: Record<string, unknown>;
  } {
    const q = this.fulfilments.createQueryBuilder('f').select('f.orderId');
    if (filter.type) q.andWhere('f.type = :fulfilmentType', { fulfilmentType: filter.type });
    if (filter.status) q.andWhere('f.status = :fulfilmentStatus', { fulfilmentStatus: filter.status });
    return { sql: q.getQuery(), parameters: q.getParameters() };
  }

  async lastAddress(memberId: string): Promise<MemberAddress | null> {
    const row = await this.addresses.findOneBy({ memberId });
    return row ? toMemberAddress(row) : null;
  }

  // ---------------------------------------------------------------- account deletion

  /** The member's paid orders still on their way (to ship, shipped, or waiting at a store). */
  async inFlightOrderIds(memberId: string): Promise<string[]> {
    const rows = await this.fulfilments.find({
      select: { orderId: true },
      where: [
        { memberId, status: 'PENDING', paidAt: Not(IsNull()) },
        { memberId, status: In(['SHIPPED', 'READY_FOR_PICKUP']) },
      ],
    });
    return rows.map((r) => r.orderId);
  }

  /** Removes the member's addresses (address book and every order's) in the deleting transaction. */
  async forgetMember(em: EntityManager, memberId: string): Promise<void> {
    await em.getRepository(MemberAddressEntity).delete({ memberId });
    await em.getRepository(FulfilmentEntity).update({ memberId }, addressColumns(null));
  }

  // ---------------------------------------------------------------- helpers

  private async require(em: EntityManager, orderId: string): Promise<FulfilmentEntity> {
    const f = await em.getRepository(FulfilmentEntity).findOneBy({ orderId });
    if (!f) throw AppError.conflict('NO_FULFILMENT', 'This order has no delivery or pickup to fulfil');
    return f;
  }

  /**
   * One step of the table as a conditional UPDATE. True when this call moved it; false when a
   * concurrent twin already did (the row is at the step's target now); 409 when it moved elsewhere.
   */
  private async apply(
    em: EntityManager,
    f: FulfilmentEntity,
    event: FulfilmentEvent,
    changes: Partial<FulfilmentEntity>,
    extraWhere: FindOptionsWhere<FulfilmentEntity> = {},
  ): Promise<boolean> {
    const step = stepOf(event, f.type);
    if (!step || !canApply(event, f.type, f.status)) {
      if (event === 'paid') return false; // a second payment report: already moved
      throw AppError.conflict('FULFILMENT_CHANGED', `A ${f.type} order that is ${f.status} cannot do that`);
    }
    const repo = em.getRepository(FulfilmentEntity);
    const result = await repo.update(
      { orderId: f.orderId, status: In(step.from), ...extraWhere },
      { ...changes, status: step.to },
    );
    if (result.affected) return true;
    const now = await repo.findOneBy({ orderId: f.orderId });
    if (event === 'paid' || now?.status === step.to) return false;
    throw AppError.conflict('FULFILMENT_CHANGED', 'The order changed meanwhile; try again');
  }
}
