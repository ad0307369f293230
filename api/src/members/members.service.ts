import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { MemberBinding } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { isDuplicateKey } from '../database/transactions.js';
import { MemberEntity } from './member.entity.js';

export const bindingOf = (m: MemberEntity): MemberBinding => ({
  openingGuideId: m.openingGuideId,
  serviceGuideId: m.serviceGuideId,
  serviceStoreId: m.serviceStoreId,
});

@Injectable()
export class MembersService {
  constructor(@InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>) {}

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
      createdAt: new Date(),
    });
    try {
      await this.members.insert(member);
      return member;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return this.members.findOneByOrFail({ openid });
    }
  }

  async require(id: string, em?: EntityManager): Promise<MemberEntity> {
    const member = await (em ? em.getRepository(MemberEntity) : this.members).findOneBy({ id });
    if (!member) throw AppError.notFound('MEMBER_NOT_FOUND', `No member ${id}`);
    return member;
  }

  findByUnionid(unionid: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ unionid });
  }

  /**
   * Binds an unbound member to a guide and store (opening + service). The WHERE clause makes
   * "never rebind" a property of the database, not of whoever called first.
   */
  async bindIfUnbound(em: EntityManager, memberId: string, guideId: string, storeId: string, at: Date): Promise<boolean> {
    const result = await em.getRepository(MemberEntity).update(
      { id: memberId, openingGuideId: IsNull(), serviceGuideId: IsNull(), serviceStoreId: IsNull() },
      { openingGuideId: guideId, serviceGuideId: guideId, serviceStoreId: storeId, boundAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Departure hand-over: members served by `fromGuideId` pass to the successor, else stay with their store. */
  async handOver(em: EntityManager, fromGuideId: string, to: { guideId: string; storeId: string } | null): Promise<number> {
    const result = await em
      .getRepository(MemberEntity)
      .update({ serviceGuideId: fromGuideId }, to ? { serviceGuideId: to.guideId, serviceStoreId: to.storeId } : { serviceGuideId: null });
    return result.affected ?? 0;
  }
}
