import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { MemberBinding } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { Batcher } from '../database/group-commit.js';
import { newId } from '../common/ids.js';
import { withUniqueCode } from '../common/unique-code.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { Transactions } from '../database/transactions.js';
import { MemberBindingAuditEntity } from './member-binding-audit.entity.js';
import { newMemberNo } from './member-code.js';
import { MemberEntity } from './member.entity.js';

export const bindingOf = (m: MemberEntity): MemberBinding => ({
  openingGuideId: m.openingGuideId,
  serviceGuideId: m.serviceGuideId,
  serviceStoreId: m.serviceStoreId,
  boundAt: m.boundAt?.getTime() ?? null,
  serviceTouchedAt: m.serviceTouchedAt?.getTime() ?? null,
});

/** A random code number collides with an existing one about members/10¹⁰ of the time; retry a few times. */
const CODE_NO_ATTEMPTS = 5;
const CODE_NO_UNIQUE = { index: 'uq_members_code_no', column: 'codeNo' };
const AUDIT_CHUNK = 500;

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(MemberBindingAuditEntity) private readonly audits: Repository<MemberBindingAuditEntity>,
    private readonly tx: Transactions,
  ) {}

  /** The member for a WeChat identity, created on first sight; safe under concurrent first logins. */
  async findOrCreateByOpenid(openid: string, unionid: string | null): Promise<MemberEntity> {
    const existing = await this.members.findOneBy({ openid });
    if (existing) {
      if (unionid && existing.unionid !== unionid) {
        await this.members.update({ id: existing.id }, { unionid });
        existing.unionid = unionid;
      }
      return existing;
    }
    // A concurrent first login with this openid wins: its member is answered. A taken code number
    // (no winner) draws another.
    return withUniqueCode(
      newMemberNo,
      CODE_NO_UNIQUE,
      async (codeNo) => {
        const member = this.members.create({
          id: newId(),
          openid,
          unionid,
          phone: null,
          registeredAt: null,
          openingGuideId: null,
          serviceGuideId: null,
          serviceStoreId: null,
          boundAt: null,
          serviceTouchedAt: null,
          codeNo,
          createdAt: new Date(),
          deletedAt: null,
        });
        const { value } = await insertOrReplay(
          async () => {
            await this.members.insert(member);
            return member;
          },
          () => this.members.findOneBy({ openid }),
        );
        return value;
      },
      CODE_NO_ATTEMPTS,
    );
  }

  async require(em: EntityManager, id: string): Promise<MemberEntity> {
    const member = await em.getRepository(MemberEntity).findOneBy({ id });
    if (!member) throw AppError.notFound('MEMBER_NOT_FOUND', `No member ${id}`);
    return member;
  }

  /**
   * Whether the member exists and has not deleted their account (their tokens work). Asked on every
   * consumer request, so the questions of concurrent requests are answered by one query.
   */
  isActive(id: string): Promise<boolean> {
    return this.activeLookups.add(id);
  }

  private readonly activeLookups = new Batcher<string, boolean>(async (ids) => {
    const rows = await this.members.find({ select: { id: true }, where: { id: In(ids), deletedAt: IsNull() } });
    const active = new Set(rows.map((r) => r.id));
    return ids.map((id) => active.has(id));
  });

  /**
   * Account deletion (in the caller's transaction): the WeChat identity is released — the openid
   * becomes `deleted:<id>`, so a later login with it creates a new member — and the unionid, phone,
   * code number and service binding are cleared. The row stays for the orders and the ledger that
   * refer to it. False when the account was deleted already.
   */
  async forget(em: EntityManager, memberId: string, at: Date): Promise<boolean> {
    const result = await em.getRepository(MemberEntity).update(
      { id: memberId, deletedAt: IsNull() },
      {
        openid: `deleted:${memberId}`,
        unionid: null,
        phone: null,
        codeNo: null,
        serviceGuideId: null,
        serviceStoreId: null,
        deletedAt: at,
      },
    );
    return (result.affected ?? 0) > 0;
  }

  findByUnionid(unionid: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ unionid });
  }

  findByCodeNo(codeNo: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ codeNo });
  }

  /**
   * The member's code number. Members created before code numbers existed get one here, once (the
   * only write a member code can cause); every later code is derived without touching the database.
   */
  async codeNoOf(member: MemberEntity): Promise<string> {
    if (member.codeNo) return member.codeNo;
    for (;;) {
      await withUniqueCode(
        newMemberNo,
        CODE_NO_UNIQUE,
        (codeNo) => this.members.update({ id: member.id, codeNo: IsNull() }, { codeNo }),
        CODE_NO_ATTEMPTS,
      );
      const { codeNo } = await this.require(this.tx.outside, member.id);
      if (codeNo) return codeNo;
    }
  }

  /**
   * Departure hand-over: members served by `fromGuideId` pass to the successor, else stay with
   * their store without a guide. Each moved member gets a `handover` audit row.
   */
  async handOver(
    em: EntityManager,
    fromGuideId: string,
    to: { guideId: string; storeId: string } | null,
  ): Promise<number> {
    const repo = em.getRepository(MemberEntity);
    const served = await repo.find({
      select: { id: true, serviceStoreId: true },
      where: { serviceGuideId: fromGuideId },
    });
    if (!served.length) return 0;
    const result = await repo.update(
      { serviceGuideId: fromGuideId },
      to ? { serviceGuideId: to.guideId, serviceStoreId: to.storeId } : { serviceGuideId: null },
    );
    const at = new Date();
    const rows: MemberBindingAuditEntity[] = served.map((m) => ({
      id: newId(at.getTime()),
      memberId: m.id,
      kind: 'handover',
      fromGuideId,
      fromStoreId: m.serviceStoreId,
      toGuideId: to?.guideId ?? null,
      toStoreId: to ? to.storeId : m.serviceStoreId,
      actorId: null,
      reason: to
        ? `guide ${fromGuideId} departed; handed to successor`
        : `guide ${fromGuideId} departed without successor; kept by the store`,
      createdAt: at,
    }));
    for (let i = 0; i < rows.length; i += AUDIT_CHUNK)
      await em.insert(MemberBindingAuditEntity, rows.slice(i, i + AUDIT_CHUNK));
    return result.affected ?? served.length;
  }

  /**
   * An admin's explicit reassignment of the service guide (and so the service store), audited.
   * The opening guide is history and never changes. Reassigning to the current guide is a no-op
   * (no audit row), so a retried request changes nothing twice.
   */
  async reassignServiceGuide(
    em: EntityManager,
    memberId: string,
    guide: { id: string; storeId: string },
    change: { actorId: string; reason: string; at: Date },
  ): Promise<{ member: MemberEntity; audit: MemberBindingAuditEntity | null }> {
    const member = await this.require(em, memberId);
    if (member.serviceGuideId === guide.id && member.serviceStoreId === guide.storeId) return { member, audit: null };
    const updated = await em.getRepository(MemberEntity).update(
      {
        id: memberId,
        serviceGuideId: member.serviceGuideId ?? IsNull(),
        serviceStoreId: member.serviceStoreId ?? IsNull(),
      },
      { serviceGuideId: guide.id, serviceStoreId: guide.storeId, boundAt: member.boundAt ?? change.at },
    );
    if (!updated.affected)
      throw AppError.conflict('MEMBER_CHANGED', "The member's binding changed meanwhile; try again");
    const audit: MemberBindingAuditEntity = {
      id: newId(change.at.getTime()),
      memberId,
      kind: 'reassign',
      fromGuideId: member.serviceGuideId,
      fromStoreId: member.serviceStoreId,
      toGuideId: guide.id,
      toStoreId: guide.storeId,
      actorId: change.actorId,
      reason: change.reason,
      createdAt: change.at,
    };
    await em.insert(MemberBindingAuditEntity, audit);
    return {
      member: {
        ...member,
        serviceGuideId: guide.id,
        serviceStoreId: guide.storeId,
        boundAt: member.boundAt ?? change.at,
      },
      audit,
    };
  }

  /** The member's audited binding changes, oldest first. */
  bindingHistory(memberId: string): Promise<MemberBindingAuditEntity[]> {
    return this.audits.find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  // ---- registration (开卡), used by identity/registration.service.ts ----

  /**
   * Marks the member registered with this phone number, once: a conditional update on
   * `registeredAt IS NULL`, so a repeated or concurrent registration changes nothing. False when the
   * member was already registered. Binding is not touched here (see `MemberBindingService.apply`).
   */
  async completeRegistration(em: EntityManager, memberId: string, phone: string, registeredAt: Date): Promise<boolean> {
    const result = await em
      .getRepository(MemberEntity)
      .update({ id: memberId, registeredAt: IsNull() }, { phone, registeredAt });
    return (result.affected ?? 0) > 0;
  }
}
