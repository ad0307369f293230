import { Controller, Get, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { MemberEntity } from '../members/member.entity.js';
import { OrderEntity } from '../orders/order.entities.js';
import { VisitEntity } from '../shares/share.entities.js';
import { toInt } from './reports.reader.js';

/** The most customers one list shows (most recently active first). */
const LIMIT = 500;

/** A member the guide serves, as the guide's day needs them: no full phone number. */
export interface GuideCustomer {
  memberId: string;
  /** 开卡 done */
  registered: boolean;
  /** "138****8000" for a registered member; null otherwise */
  phoneMasked: string | null;
  lastVisitAt: string | null;
  /** sales (online and in store) paid and not refunded in full */
  orders: number;
  /** their lifetime net GMV (paid − refunded) */
  lifetimeGmvFen: number;
}

/** The middle four digits hidden, PIPL-style: staff see enough to recognise, never the number. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** mysql2 answers Date objects; sql.js a UTC "YYYY-MM-DD HH:MM:SS.sss" string. */
function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const text = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}

/**
 * The guide's customers: members whose service guide they are (the `serviceGuideId` index), with
 * last visit (`idx_visits_member_time`) and lifetime sales (`idx_orders_member_time`) per member.
 */
@Injectable()
export class GuideCustomersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async customers(guideId: string): Promise<GuideCustomer[]> {
    const t = (e: EntityTarget<ObjectLiteral>) => `\`${this.dataSource.getMetadata(e).tableName}\``;
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT m.id AS memberId, m.registeredAt AS registeredAt, m.phone AS phone,
              (SELECT MAX(v.visitedAt) FROM ${t(VisitEntity)} v WHERE v.memberId = m.id) AS lastVisitAt,
              (SELECT COUNT(*) FROM ${t(OrderEntity)} o
                WHERE o.memberId = m.id AND o.paidAt IS NOT NULL AND o.paidFen > o.refundedFen) AS orders,
              (SELECT COALESCE(SUM(o.paidFen - o.refundedFen), 0) FROM ${t(OrderEntity)} o
                WHERE o.memberId = m.id AND o.paidAt IS NOT NULL) AS gmvFen
       FROM ${t(MemberEntity)} m
       WHERE m.serviceGuideId = :guideId
       ORDER BY lastVisitAt DESC, m.id ASC
       LIMIT ${LIMIT}`,
      { guideId },
    );
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(sql, params);
    return rows.map((r) => ({
      memberId: String(r.memberId),
      registered: r.registeredAt !== null && r.registeredAt !== undefined,
      phoneMasked: maskPhone((r.phone as string | null) ?? null),
      lastVisitAt: iso(r.lastVisitAt),
      orders: toInt(r.orders),
      lifetimeGmvFen: toInt(r.gmvFen),
    }));
  }
}

@Controller()
export class GuideCustomersController {
  constructor(private readonly customers: GuideCustomersService) {}

  @Roles('guide')
  @Get('guides/me/customers')
  mine(@CurrentUser() user: Principal) {
    return this.customers.customers(user.sub);
  }
}
