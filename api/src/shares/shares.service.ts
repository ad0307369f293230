import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThanOrEqual, Repository } from 'typeorm';
import { sharePath, type Share, type ShareKind } from '@guideshare/contracts';
import type { Touch } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { GroupCommit } from '../database/group-commit.js';
import { Transactions } from '../database/transactions.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { GuidesService } from '../guides/guides.service.js';
import { LivesService } from '../lives/lives.service.js';
import { MemberBindingService } from '../members/member-binding.service.js';
import { PolicyService } from '../policy/policy.service.js';
import { StoresService } from '../stores/stores.service.js';
import { WechatSessionsService } from '../wechat-sessions/wechat-sessions.service.js';
import { isAuthenticShareCode, issueShareCode } from './share-code.js';
import { ShareEntity, VisitEntity } from './share.entities.js';
import { RecordVisitDto } from './shares.dto.js';

/** Touches older than this never matter to any rule (the longest window is capped at 90 days). */
const TOUCH_LOOKBACK_LIMIT = 500;
const SHARE_CACHE_LIMIT = 10_000;

/** A touch to record: who opened which share, when, from where. */
interface PendingTouch {
  memberId: string;
  share: ShareEntity;
  at: Date;
  input: RecordVisitDto;
  openGId: string | null;
}

const toShare = (s: ShareEntity): Share => ({
  code: s.code,
  kind: s.kind,
  targetId: s.targetId,
  guideId: s.guideId,
  storeId: s.storeId,
  path: sharePath(s.kind, s.targetId, s.code),
  // The bare code is the scene: the page reads it back with decodeURIComponent(options.scene).
  scene: s.code,
});

@Injectable()
export class SharesService {
  /** Shares never change once issued, so the hot visit path can skip the database for known codes. */
  private readonly cache = new Map<string, ShareEntity>();
  /**
   * Visits of concurrent requests are written together, one transaction per batch (the hot path: a
   * card opened is a write); each request is answered once its batch has committed.
   */
  private readonly visitWrites = new GroupCommit<PendingTouch>((batch) =>
    this.tx.run((em) => this.writeTouches(em, batch)),
  );

  constructor(
    @InjectRepository(ShareEntity) private readonly shares: Repository<ShareEntity>,
    @InjectRepository(VisitEntity) private readonly visits: Repository<VisitEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly guides: GuidesService,
    private readonly binding: MemberBindingService,
    private readonly policy: PolicyService,
    private readonly catalog: CatalogService,
    private readonly lives: LivesService,
    private readonly stores: StoresService,
    private readonly sessions: WechatSessionsService,
  ) {}

  async issue(guideId: string, kind: ShareKind, targetId: string): Promise<Share> {
    const guide = await this.guides.require(this.tx.outside, guideId);
    if (guide.status !== 'active') throw AppError.forbidden('A departed guide cannot share', 'GUIDE_DEPARTED');
    await this.requireTarget(kind, targetId);
    const share: ShareEntity = {
      code: issueShareCode(this.config.shareCodeSecret),
      kind,
      targetId,
      guideId,
      storeId: guide.storeId,
      createdAt: new Date(),
    };
    await this.shares.insert(share);
    return toShare(share);
  }

  async listForGuide(guideId: string): Promise<Share[]> {
    return (await this.shares.find({ where: { guideId }, order: { createdAt: 'DESC' }, take: 100 })).map(toShare);
  }

  /** The share behind a code; forged, altered or unknown codes are a 400 SHARE_CODE_INVALID. */
  async resolve(em: EntityManager, code: unknown): Promise<ShareEntity> {
    if (!isAuthenticShareCode(this.config.shareCodeSecret, code)) throw invalidCode();
    const cached = this.cache.get(code);
    if (cached) return cached;
    const share = await em.getRepository(ShareEntity).findOneBy({ code });
    if (!share) throw invalidCode();
    if (this.cache.size >= SHARE_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(code, share);
    return share;
  }

  /** A guide's own share; another guide's code is a 403. */
  async owned(guideId: string, code: string): Promise<ShareEntity> {
    const share = await this.resolve(this.tx.outside, code);
    if (share.guideId !== guideId)
      throw AppError.forbidden('This share code belongs to another guide', 'SHARE_NOT_YOURS');
    return share;
  }

  /** Records a touch and binds the member as the policy's binding mode says (docs/DOMAIN.md rule 5). */
  async recordVisit(memberId: string, input: RecordVisitDto, at = new Date()): Promise<void> {
    const share = await this.resolve(this.tx.outside, input.shareCode);
    // Decrypted before anything is written: group data that does not decrypt is a 400 recording nothing.
    const openGId = input.group ? await this.sessions.openGroupId(memberId, input.group) : null;
    await this.visitWrites.add({ memberId, share, at, input, openGId });
  }

  /**
   * Inside a caller's transaction: a code carried by an order (docs/DOMAIN.md rule 9). It is evidence of
   * the member's visit when they opened it, never a fresh touch: a code they already opened changes
   * nothing (their visit keeps its time, so a code older than the window earns no share credit); only
   * a code this member never opened counts as opened now, and that touch is recorded.
   */
  async touchFromOrder(em: EntityManager, memberId: string, code: string, at: Date): Promise<void> {
    const share = await this.resolve(em, code);
    if (await em.getRepository(VisitEntity).existsBy({ memberId, shareCode: share.code })) return;
    await this.writeTouches(em, [{ memberId, share, at, input: { shareCode: code }, openGId: null }]);
  }

  /** The member's touches since `since`, newest first, as plain data for the rules. */
  async touchesSince(em: EntityManager, memberId: string, since: Date): Promise<Touch[]> {
    const rows = await em.getRepository(VisitEntity).find({
      where: { memberId, visitedAt: MoreThanOrEqual(since) },
      order: { visitedAt: 'DESC', id: 'DESC' },
      take: TOUCH_LOOKBACK_LIMIT,
    });
    // UUIDv7 ids sort in record order; seq only needs to order ties within this list.
    return rows.map((v, i) => ({
      seq: rows.length - i,
      shareCode: v.shareCode,
      guideId: v.guideId,
      storeId: v.storeId,
      kind: v.kind,
      targetId: v.targetId,
      at: v.visitedAt.getTime(),
    }));
  }

  /** The member's visits, newest first (what a privacy export shows of them). */
  async visitsOf(memberId: string, limit = 1000): Promise<VisitEntity[]> {
    return this.visits.find({ where: { memberId }, order: { visitedAt: 'DESC' }, take: limit });
  }

  async lastVisitAt(memberId: string): Promise<Date | null> {
    const [latest] = await this.visits.find({ where: { memberId }, order: { visitedAt: 'DESC' }, take: 1 });
    return latest?.visitedAt ?? null;
  }

  /**
   * Records touches and binds their members as the policy's binding mode says: one multi-row insert,
   * one read of the guides, and the binding rule over every member's touches in order. A departed
   * guide's old cards still bring people in, but bind them to nobody new.
   */
  private async writeTouches(em: EntityManager, touches: PendingTouch[]) {
    await em.getRepository(VisitEntity).insert(
      touches.map(({ memberId, share, at, input, openGId }) => ({
        id: newId(at.getTime()),
        memberId,
        shareCode: share.code,
        guideId: share.guideId,
        storeId: share.storeId,
        kind: share.kind,
        targetId: share.targetId,
        scene: input.scene ?? null,
        chatType: input.chatType ?? null,
        path: input.path ?? null,
        openGId,
        visitedAt: at,
      })),
    );
    const guides = await this.guides.refs(
      em,
      touches.map((t) => t.share.guideId),
    );
    const events = touches
      .filter((t) => guides[t.share.guideId]?.active)
      .map(({ memberId, share, at }) => ({
        memberId,
        event: {
          type: 'touch' as const,
          guideId: share.guideId,
          storeId: guides[share.guideId].storeId,
          at: at.getTime(),
        },
      }));
    if (events.length) await this.binding.applyMany(em, events, await this.policy.current(em));
  }

  private async requireTarget(kind: ShareKind, targetId: string) {
    const exists =
      kind === 'live'
        ? await this.lives.exists(targetId)
        : kind === 'store'
          ? await this.stores.require(targetId).then(
              () => true,
              () => false,
            )
          : await this.catalog.productExists(targetId);
    if (!exists) throw AppError.badRequest('SHARE_TARGET_NOT_FOUND', `No ${kind} ${targetId}`);
  }
}

function invalidCode() {
  return AppError.badRequest('SHARE_CODE_INVALID', 'This share code is not one we issued');
}
