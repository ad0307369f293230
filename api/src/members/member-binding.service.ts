import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import {
  decideBinding,
  effectiveBinding,
  type BindingEvent,
  type BindingPolicy,
  type MemberBinding,
} from '@guideshare/rules';
import { newId } from '../common/ids.js';
import { MemberBindingAuditEntity, type MemberBindingChangeKind } from './member-binding-audit.entity.js';
import { MemberEntity } from './member.entity.js';
import { bindingOf } from './members.service.js';

/** A concurrent binding change makes the conditional update miss; decide again from the new state. */
const ATTEMPTS = 3;
const DAY = 86_400_000;
const SWEEP_BATCH = 500;

/** A binding change to audit: kind, before, after, reason, when. */
type Audit = [MemberBindingChangeKind, MemberBinding, MemberBinding, string, Date];

const REASONS: Record<'override' | 'expiry', (policy: BindingPolicy) => string> = {
  override: () => 'policy: override binding, moved to the latest sharer',
  expiry: (p) => `policy: no touch from the service guide for ${p.bindingValidityDays} days, binding lapsed`,
};

/**
 * The binding rule of @guideshare/rules (`decideBinding`) applied to a member row: the member is read,
 * the pure rule decides, and its result is written with a conditional update on the binding that was
 * read, so two concurrent events never both win. Policy changes (override, expiry) are audited like
 * an admin's reassignment; a first binding is not (it is the member's history: `boundAt`).
 */
@Injectable()
export class MemberBindingService {
  async apply(em: EntityManager, memberId: string, event: BindingEvent, policy: BindingPolicy): Promise<void> {
    const repo = em.getRepository(MemberEntity);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const member = await repo.findOneBy({ id: memberId });
      if (!member) return;
      const { binding, audits } = this.decide(bindingOf(member), [event], policy);
      if (!audits) return;
      if (await this.write(em, member, binding)) return this.auditAll(em, memberId, audits);
    }
  }

  /**
   * `apply` for the events of many members at once (a batch of visits written together): one read of
   * the members, the rule folded over each member's events in order, one conditional write per member
   * whose binding changed. A member whose binding moved meanwhile is replayed event by event.
   */
  async applyMany(
    em: EntityManager,
    events: Array<{ memberId: string; event: BindingEvent }>,
    policy: BindingPolicy,
  ): Promise<void> {
    const byMember = new Map<string, BindingEvent[]>();
    for (const { memberId, event } of events) byMember.set(memberId, [...(byMember.get(memberId) ?? []), event]);
    const members = await em.getRepository(MemberEntity).findBy({ id: In([...byMember.keys()]) });
    for (const member of members) {
      const memberEvents = byMember.get(member.id) ?? [];
      const { binding, audits } = this.decide(bindingOf(member), memberEvents, policy);
      if (!audits) continue;
      if (await this.write(em, member, binding)) await this.auditAll(em, member.id, audits);
      else for (const event of memberEvents) await this.apply(em, member.id, event, policy);
    }
  }

  /** The rule folded over `events`; `audits` is null when nothing changes, else the changes to audit. */
  private decide(start: MemberBinding, events: BindingEvent[], policy: BindingPolicy) {
    let binding = start;
    let audits: Audit[] | null = null;
    for (const event of events) {
      const decision = decideBinding(binding, event, policy);
      if (decision.change === null) continue;
      audits ??= [];
      if (decision.change === 'override' || decision.change === 'expiry')
        audits.push([decision.change, binding, decision.binding, REASONS[decision.change](policy), new Date(event.at)]);
      binding = decision.binding;
    }
    return { binding, audits };
  }

  private async auditAll(em: EntityManager, memberId: string, audits: Audit[]) {
    for (const a of audits) await this.audit(em, memberId, ...a);
  }

  /**
   * Drops the bindings that have lapsed under `policy` by `now` (no touch from the service guide for
   * `bindingValidityDays`, and past any protection), so the WeCom card, the guide's customer list and
   * the reports stop showing them before the member's next touch. Audited as `expiry`. Returns how
   * many were dropped.
   */
  async expireLapsed(em: EntityManager, policy: BindingPolicy, now = new Date()): Promise<number> {
    if (policy.bindingValidityDays === null) return 0;
    const cutoff = new Date(now.getTime() - policy.bindingValidityDays * DAY);
    // Candidates: bound before the cut-off; the rule then decides with the service touch time too.
    const candidates = await em
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .where('m.serviceGuideId IS NOT NULL AND m.boundAt < :cutoff', { cutoff })
      .andWhere('(m.serviceTouchedAt IS NULL OR m.serviceTouchedAt < :cutoff)', { cutoff })
      .orderBy('m.boundAt', 'ASC')
      .take(SWEEP_BATCH)
      .getMany();
    let dropped = 0;
    for (const member of candidates) {
      const before = bindingOf(member);
      const after = effectiveBinding(before, now.getTime(), policy);
      if (after === before) continue;
      if (!(await this.write(em, member, after))) continue;
      await this.audit(em, member.id, 'expiry', before, after, REASONS.expiry(policy), now);
      dropped++;
    }
    return dropped;
  }

  /** Writes `next` if the member's binding is still what was read; false when someone else moved it. */
  private async write(em: EntityManager, member: MemberEntity, next: MemberBinding) {
    const result = await em.getRepository(MemberEntity).update(
      {
        id: member.id,
        serviceGuideId: member.serviceGuideId ?? IsNull(),
        serviceStoreId: member.serviceStoreId ?? IsNull(),
      },
      {
        serviceGuideId: next.serviceGuideId,
        serviceStoreId: next.serviceStoreId,
        openingGuideId: next.openingGuideId,
        boundAt: next.boundAt == null ? null : new Date(next.boundAt),
        serviceTouchedAt: next.serviceTouchedAt == null ? null : new Date(next.serviceTouchedAt),
      },
    );
    return (result.affected ?? 0) > 0;
  }

  private async audit(
    em: EntityManager,
    memberId: string,
    kind: MemberBindingChangeKind,
    before: MemberBinding,
    after: MemberBinding,
    reason: string,
    at: Date,
  ) {
    await em.insert(MemberBindingAuditEntity, {
      id: newId(at.getTime()),
      memberId,
      kind,
      fromGuideId: before.serviceGuideId,
      fromStoreId: before.serviceStoreId,
      toGuideId: after.serviceGuideId,
      toStoreId: after.serviceStoreId,
      actorId: null,
      reason,
      createdAt: at,
    });
  }
}
