import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { formatPrice } from '@guideshare/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isDuplicateKey, Transactions } from '../database/transactions.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { GuidesService } from '../guides/guides.service.js';
import { LivesService } from '../lives/lives.service.js';
import { StoresService } from '../stores/stores.service.js';
import { posterFont } from './poster-font.js';
import { renderPoster, type PosterContent } from './poster-render.js';
import type { ShareEntity } from './share.entities.js';
import { SharePosterEntity } from './share-media.entities.js';
import { WxacodeService } from './wxacode.service.js';

/** Bump when the layout changes: every cached poster is then drawn anew. */
const LAYOUT_VERSION = 1;
const IMAGE_TIMEOUT_MS = 3_000;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

type PosterText = Omit<PosterContent, 'image' | 'wxacode' | 'fontFamily'> & { imageUrl: string };

/** Shares as poster images: what the share points at, the guide, and the share's mini-program code. */
@Injectable()
export class PosterService {
  constructor(
    @InjectRepository(SharePosterEntity) private readonly posters: Repository<SharePosterEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wxacodes: WxacodeService,
    private readonly catalog: CatalogService,
    private readonly lives: LivesService,
    private readonly stores: StoresService,
    private readonly guides: GuidesService,
    private readonly tx: Transactions,
  ) {}

  /** The poster PNG, drawn once per version of its content (a price change draws a new one). */
  async png(share: ShareEntity): Promise<{ png: Buffer; fontMissing: boolean }> {
    const font = posterFont(this.config.posterFontFile);
    const text = await this.text(share);
    const version = createHash('sha256')
      .update(JSON.stringify({ LAYOUT_VERSION, text, font: font.file }))
      .digest('hex');
    const fontMissing = font.file === null;
    const cached = await this.posters.findOneBy({ shareCode: share.code, version });
    if (cached) return { png: cached.png, fontMissing };
    const { imageUrl, ...rest } = text;
    const png = await renderPoster({
      ...rest,
      image: await download(imageUrl, `http://127.0.0.1:${this.config.port}`),
      wxacode: await this.wxacodes.png(share),
      fontFamily: font.family,
    });
    try {
      await this.posters.insert({ shareCode: share.code, version, png, createdAt: new Date() });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e; // drawn concurrently: the same picture is already kept
    }
    return { png, fontMissing };
  }

  private async text(share: ShareEntity): Promise<PosterText> {
    const guide = await this.guides.require(this.tx.outside, share.guideId);
    const store = await this.stores.require(share.storeId).catch(() => null);
    if (share.kind === 'live') {
      const live = await this.lives.get(share.targetId);
      return {
        title: live.title,
        highlight: `${this.when(live.startsAt)} – ${this.when(live.endsAt, true)}`,
        note: `直播预告${store ? ` · ${store.name}` : ''}`,
        guideName: guide.name,
        imageUrl: '',
      };
    }
    if (share.kind === 'store') {
      const target = await this.stores.require(share.targetId);
      return { title: target.name, highlight: target.city, note: '欢迎到店体验', guideName: guide.name, imageUrl: '' };
    }
    const product = await this.catalog.getProduct(share.targetId);
    const prices = product.skus.map((s) => s.priceFen);
    const min = prices.length ? Math.min(...prices) : null;
    return {
      title: product.name,
      highlight: min === null ? '' : `${formatPrice(min)}${prices.some((p) => p !== min) ? ' 起' : ''}`,
      note: `正品保障 · 门店同款${store ? ` · ${store.name}` : ''}`,
      guideName: guide.name,
      imageUrl: product.imageUrl,
    };
  }

  /** "12月1日 20:00" in the business time zone (only the time when `timeOnly`). */
  private when(iso: string, timeOnly = false): string {
    const parts = new Intl.DateTimeFormat('zh-CN', {
      timeZone: this.config.businessTz,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const time = `${part('hour')}:${part('minute')}`;
    return timeOnly ? time : `${part('month')}月${part('day')}日 ${time}`;
  }
}

/**
 * A picture for the poster: a data: URL, an http(s) URL, or a path on this API (an upload, read back
 * over loopback), bounded in time and size; null when unavailable.
 */
async function download(url: string, self: string): Promise<Buffer | null> {
  const data = /^data:image\/[a-z+]+;base64,(.+)$/i.exec(url);
  if (data) return Buffer.from(data[1]!, 'base64');
  if (url.startsWith('/api/')) url = `${self}${url}`;
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) });
    if (!res.ok || Number(res.headers.get('content-length') ?? 0) > IMAGE_MAX_BYTES) return null;
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.length <= IMAGE_MAX_BYTES ? bytes : null;
  } catch {
    return null;
  }
}
