import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Policy } from '@guideshare/contracts';
import type { GuideRef, LiveSession, MemberBinding, Touch } from '@guideshare/rules';
import { GuidesService } from '../guides/guides.service.js';
import { LivesService } from '../lives/lives.service.js';
import { bindingOf, MembersService } from '../members/members.service.js';
import { PolicyService } from '../policy/policy.service.js';
import { SharesService } from '../shares/shares.service.js';

const HOUR = 3_600_000;

/**
 * The attribution window the evidence covers: an online order's (`onlineWindowHours`, reaching back
 * from the start of the live it was placed in, when there is one) or a counter sale's (`storeWindowHours`).
 */
export type EvidenceWindow = { channel: 'online'; liveId: string | null } | { channel: 'store' };

/** Everything the pure attribution rules of @guideshare/rules look at, as plain data. */
export interface AttributionEvidence {
  /** The policy in force (its version is frozen on the decision). */
  policy: Policy;
  /** The live the order was placed in (online window only), else null. */
  live: LiveSession | null;
  /** The member's touches since the window's start, newest first. */
  touches: Touch[];
  /** The member's binding as stored (the rules decide whether it has lapsed). */
  binding: MemberBinding;
  /** Every guide of the touches and the binding, with their successors. */
  guides: Record<string, GuideRef>;
}

/**
 * Loads the evidence for one attribution decision (checkout, counter sale, registration) through the
 * caller's manager, so every caller feeds the rules the same data read the same way.
 */
@Injectable()
export class AttributionEvidenceService {
  constructor(
    private readonly policy: PolicyService,
    private readonly lives: LivesService,
    private readonly shares: SharesService,
    private readonly members: MembersService,
    private readonly guides: GuidesService,
  ) {}

  /** The evidence for `memberId` as of `at`, over `window`. 404 MEMBER_NOT_FOUND, 400 LIVE_NOT_FOUND. */
  async load(em: EntityManager, memberId: string, at: Date, window: EvidenceWindow): Promise<AttributionEvidence> {
    const policy = await this.policy.current(em);
    const live = window.channel === 'online' && window.liveId ? await this.lives.session(em, window.liveId) : null;
    const windowMs = (window.channel === 'online' ? policy.onlineWindowHours : policy.storeWindowHours) * HOUR;
    const since = new Date(Math.min(at.getTime() - windowMs, live ? live.startsAt - windowMs : Infinity));
    const touches = await this.shares.touchesSince(em, memberId, since);
    const binding = bindingOf(await this.members.require(em, memberId));
    const guideIds = [...touches.map((t) => t.guideId), binding.serviceGuideId].filter((id): id is string => !!id);
    const guides = await this.guides.refs(em, guideIds);
    return { policy, live, touches, binding, guides };
  }
}
