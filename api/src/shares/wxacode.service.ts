import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { SHARE_PAGES } from '@guideshare/contracts';
import { WechatApiClient, WechatApiError } from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { isDuplicateKey } from '../database/transactions.js';
import type { ShareEntity } from './share.entities.js';
import { ShareWxacodeEntity } from './share-media.entities.js';

/** A claim older than this belongs to a fetcher that died; another instance may take it over. */
const STALE_CLAIM_MS = 30_000;
/** How long a request waits for another instance's fetch before giving up (503, retry later). */
const WAIT_MS = 20_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Mini-program codes (wxa/getwxacodeunlimit), fetched from WeChat once per share code and kept in
 * the database. Concurrent first requests — in this process or in other API instances — never
 * call WeChat twice: the first to insert the claim row fetches, the others wait for its image.
 */
@Injectable()
export class WxacodeService {
  private readonly logger = new Logger('Wxacode');
  private readonly inflight = new Map<string, Promise<Buffer>>();

  constructor(
    @InjectRepository(ShareWxacodeEntity) private readonly codes: Repository<ShareWxacodeEntity>,
    private readonly wechat: WechatApiClient,
  ) {}

  png(share: ShareEntity): Promise<Buffer> {
    let p = this.inflight.get(share.code);
    if (!p) {
      p = this.load(share).finally(() => this.inflight.delete(share.code));
      this.inflight.set(share.code, p);
    }
    return p;
  }

  private async load(share: ShareEntity): Promise<Buffer> {
    const shareCode = share.code;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const row = await this.codes.findOneBy({ shareCode });
      if (row?.png) return row.png;
      if (!row) {
        try {
          await this.codes.insert({ shareCode, png: null, claimedAt: new Date(), fetchedAt: null });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
          continue; // another request claimed it first: wait for its image
        }
        return this.fetchAndStore(share);
      }
      if (Date.now() - row.claimedAt.getTime() > STALE_CLAIM_MS) {
        const taken = await this.codes.update(
          { shareCode, claimedAt: row.claimedAt, png: IsNull() },
          { claimedAt: new Date() },
        );
        if (taken.affected === 1) return this.fetchAndStore(share);
        continue;
      }
      if (Date.now() > deadline)
        throw new AppError(503, 'WXACODE_PENDING', 'The mini-program code is still being made; try again shortly');
      await sleep(POLL_MS);
    }
  }

  private async fetchAndStore(share: ShareEntity): Promise<Buffer> {
    let bytes: Buffer;
    try {
      ({ bytes } = await this.wechat.getUnlimitedWxacode({
        scene: share.code,
        page: SHARE_PAGES[share.kind],
        // A code must work for pages not yet in the released version (trial builds, new pages).
        checkPath: false,
      }));
    } catch (e) {
      // Give the claim back so the next request tries again.
      await this.codes.delete({ shareCode: share.code, png: IsNull() }).catch(() => undefined);
      this.logger.warn(`getwxacodeunlimit failed for ${share.code}: ${(e as Error).message}`);
      if (e instanceof WechatApiError)
        throw AppError.upstream('WXACODE_FAILED', `WeChat refused the mini-program code (${e.errcode})`);
      throw AppError.upstream('WECHAT_UNAVAILABLE', 'WeChat could not be reached; try again');
    }
    await this.codes.update({ shareCode: share.code }, { png: bytes, fetchedAt: new Date() });
    return bytes;
  }
}
