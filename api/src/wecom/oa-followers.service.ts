import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WechatApiClient, WechatApiError } from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { OaFollowerEntity } from './oa-follower.entity.js';

/**
 * The client for the Official Account's API, with the OA's own appid/secret (AppConfig
 * `officialAccount`, from WECHAT_OA_APPID/WECHAT_OA_SECRET); null when they are not configured.
 */
export const OA_API_CLIENT = Symbol('OA_API_CLIENT');

export interface FollowerSyncResult {
  /** follower openids WeChat listed */
  listed: number;
  /** followers stored (they have a unionid) */
  stored: number;
  /** listed followers not stored: no unionid (not joinable), or unfollowed while the sync ran */
  withoutUnionid: number;
  /** stored followers no longer listed, now marked as not following */
  unfollowed: number;
  startedAt: string;
  finishedAt: string;
}

const UPSERT_CHUNK = 500;

@Injectable()
export class OaFollowersService {
  private readonly logger = new Logger('OaFollowers');
  private running: Promise<FollowerSyncResult> | null = null;

  constructor(
    @InjectRepository(OaFollowerEntity) private readonly followers: Repository<OaFollowerEntity>,
    @Inject(OA_API_CLIENT) private readonly oa: WechatApiClient | null,
  ) {}

  /** Whether the person behind a unionid follows the Official Account, as of the last sync. */
  async follows(unionid: string): Promise<boolean> {
    const row = await this.followers.findOneBy({ unionid });
    return row?.subscribed === true;
  }

  /** A full sync; a call while one runs in this process joins it. */
  sync(): Promise<FollowerSyncResult> {
    if (!this.oa)
      return Promise.reject(
        new AppError(503, 'OA_NOT_CONFIGURED', 'Set WECHAT_OA_APPID and WECHAT_OA_SECRET to sync followers'),
      );
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * Pages through cgi-bin/user/get (10,000 openids a page), resolves each page with
   * user/info/batchget (100 at a time) and upserts by unionid. Then every stored follower not seen
   * since this run started is marked as not following: the comparison is on the time of the write,
   * so two overlapping runs never unmark each other's rows.
   */
  private async run(): Promise<FollowerSyncResult> {
    const oa = this.oa!;
    const startedAt = new Date();
    let listed = 0;
    let stored = 0;
    let next: string | undefined;
    try {
      for (;;) {
        const page = await oa.listFollowers(next);
        if (!page.openids.length) break;
        listed += page.openids.length;
        const infos = await oa.batchGetUserInfo(page.openids);
        const syncedAt = new Date();
        const rows: OaFollowerEntity[] = infos
          .filter((u) => u.subscribe === 1 && u.unionid)
          .map((u) => ({
            unionid: u.unionid!,
            oaOpenid: u.openid,
            subscribed: true,
            subscribedAt: u.subscribe_time ? new Date(u.subscribe_time * 1000) : null,
            syncedAt,
          }));
        for (let i = 0; i < rows.length; i += UPSERT_CHUNK)
          await this.followers.upsert(rows.slice(i, i + UPSERT_CHUNK), ['unionid']);
        stored += rows.length;
        if (!page.nextOpenid) break;
        next = page.nextOpenid;
      }
    } catch (e) {
      if (e instanceof WechatApiError)
        throw AppError.upstream('WECHAT_REJECTED', `WeChat refused the follower sync: ${e.message}`);
      throw e;
    }
    const gone = await this.followers
      .createQueryBuilder()
      .update(OaFollowerEntity)
      .set({ subscribed: false, syncedAt: new Date() })
      .where('subscribed = :yes AND syncedAt < :startedAt', { yes: true, startedAt })
      .execute();
    const result: FollowerSyncResult = {
      listed,
      stored,
      withoutUnionid: listed - stored,
      unfollowed: gone.affected ?? 0,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
    };
    this.logger.log(`Follower sync: ${JSON.stringify(result)}`);
    return result;
  }
}
