import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Guide } from '@guideshare/contracts';
import type { GuideRef } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { changesOf } from '../common/patch.js';
import { isDuplicateKey, Transactions } from '../database/transactions.js';
import { MembersService } from '../members/members.service.js';
import { StoresService } from '../stores/stores.service.js';
import { GuideEntity } from './guide.entity.js';

export const toGuide = (g: GuideEntity): Guide => ({
  id: g.id,
  storeId: g.storeId,
  name: g.name,
  wecomUserId: g.wecomUserId,
  status: g.status,
});

const toRef = (g: GuideEntity): GuideRef => ({
  id: g.id,
  storeId: g.storeId,
  active: g.status === 'active',
  successorGuideId: g.successorGuideId,
  memberId: g.memberId,
});

@Injectable()
export class GuidesService {
  constructor(
    @InjectRepository(GuideEntity) private readonly guides: Repository<GuideEntity>,
    private readonly stores: StoresService,
    private readonly members: MembersService,
    private readonly tx: Transactions,
  ) {}

  async create(input: { storeId: string; name: string; wecomUserId: string }): Promise<Guide> {
    await this.stores.require(input.storeId);
    const guide = this.guides.create({
      id: newId(),
      ...input,
      status: 'active',
      successorGuideId: null,
      memberId: null,
      createdAt: new Date(),
      departedAt: null,
    });
    try {
      await this.guides.insert(guide);
    } catch (e) {
      if (isDuplicateKey(e))
        throw AppError.conflict('GUIDE_EXISTS', `A guide with WeCom user ${input.wecomUserId} exists`);
      throw e;
    }
    return toGuide(guide);
  }

  /**
   * Name and store. A departed guide keeps the store they left from (409). The guide's credit follows
   * the new store from the next sale; past orders keep the store they were attributed to.
   */
  async update(id: string, input: { name?: string; storeId?: string }): Promise<Guide> {
    const changes = changesOf(input);
    const guide = await this.require(this.tx.outside, id);
    if (changes.storeId !== undefined && changes.storeId !== guide.storeId) {
      if (guide.status !== 'active') throw AppError.conflict('GUIDE_ALREADY_DEPARTED', 'This guide has departed');
      await this.stores.require(changes.storeId);
    }
    await this.guides.update({ id }, changes);
    return toGuide({ ...guide, ...changes });
  }

  async require(em: EntityManager, id: string): Promise<GuideEntity> {
    const guide = await em.getRepository(GuideEntity).findOneBy({ id });
    if (!guide) throw AppError.notFound('GUIDE_NOT_FOUND', `No guide ${id}`);
    return guide;
  }

  /** Whether the guide may still act (checked on every guide request: one primary-key read). */
  async isActive(id: string): Promise<boolean> {
    const guide = await this.guides.findOne({ where: { id }, select: { id: true, status: true } });
    return guide?.status === 'active';
  }

  findByWecomUserId(wecomUserId: string): Promise<GuideEntity | null> {
    return this.guides.findOneBy({ wecomUserId });
  }

  async list(storeId?: string): Promise<Guide[]> {
    return (await this.guides.find({ where: storeId ? { storeId } : {}, order: { name: 'ASC' } })).map(toGuide);
  }

  /** The guides named, plus every successor along their chains, as plain data for the rules. */
  async refs(em: EntityManager, ids: Iterable<string>): Promise<Record<string, GuideRef>> {
    const repo = em.getRepository(GuideEntity);
    const refs: Record<string, GuideRef> = {};
    let pending = [...new Set(ids)];
    while (pending.length) {
      const rows = await repo.findBy({ id: In(pending) });
      for (const g of rows) refs[g.id] = toRef(g);
      pending = rows.map((g) => g.successorGuideId).filter((id): id is string => !!id && !(id in refs));
    }
    return refs;
  }

  /** Links a guide's own consumer account, so self-referral can be recognised. */
  async linkMember(guideId: string, memberId: string): Promise<Guide> {
    const guide = await this.require(this.tx.outside, guideId);
    await this.members.require(this.tx.outside, memberId);
    try {
      await this.guides.update({ id: guideId }, { memberId });
    } catch (e) {
      if (isDuplicateKey(e)) throw AppError.conflict('MEMBER_ALREADY_LINKED', 'That member is linked to another guide');
      throw e;
    }
    return toGuide({ ...guide, memberId });
  }

  /**
   * Departure (离职): the guide stops earning; members pass to the successor (a guide of any store
   * the brand chooses, usually the same), else stay with the store; later credit that would reach
   * the departed guide follows `successorGuideId` (resolved by the rules at decision time).
   */
  async depart(guideId: string, successorGuideId?: string): Promise<{ guide: Guide; membersMoved: number }> {
    return this.tx.run(async (em) => {
      const repo = em.getRepository(GuideEntity);
      const guide = await this.require(em, guideId);
      if (guide.status === 'departed')
        throw AppError.conflict('GUIDE_ALREADY_DEPARTED', 'This guide has already departed');
      let successor: GuideEntity | null = null;
      if (successorGuideId) {
        if (successorGuideId === guideId)
          throw AppError.badRequest('SUCCESSOR_INVALID', 'A guide cannot succeed themselves');
        successor = await this.require(em, successorGuideId);
        if (successor.status !== 'active') throw AppError.badRequest('SUCCESSOR_INVALID', 'The successor has departed');
      }
      const updated = await repo.update(
        { id: guideId, status: 'active' },
        { status: 'departed', successorGuideId: successor?.id ?? null, departedAt: new Date() },
      );
      if (!updated.affected) throw AppError.conflict('GUIDE_ALREADY_DEPARTED', 'This guide has already departed');
      const membersMoved = await this.members.handOver(
        em,
        guideId,
        successor ? { guideId: successor.id, storeId: successor.storeId } : null,
      );
      return {
        guide: toGuide({ ...guide, status: 'departed', successorGuideId: successor?.id ?? null }),
        membersMoved,
      };
    });
  }
}
