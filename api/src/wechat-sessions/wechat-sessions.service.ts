import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { decryptWxData, WxDataError } from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MemberWechatSessionEntity } from './wechat-session.entity.js';

export interface EncryptedOpenData {
  encryptedData: string;
  iv: string;
}

const invalid = (message: string) => AppError.badRequest('GROUP_DATA_INVALID', message);

/** Members' WeChat session keys: remembered at login, used only to decrypt open data server-side. */
@Injectable()
export class WechatSessionsService {
  private readonly key: Buffer;

  constructor(
    @InjectRepository(MemberWechatSessionEntity) private readonly sessions: Repository<MemberWechatSessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createHash('sha256').update(config.sessionKeySecret).digest();
  }

  /** The session key of the member's latest login replaces the previous one (WeChat rotates it). */
  async remember(memberId: string, sessionKey: string): Promise<void> {
    await this.sessions.upsert({ memberId, sealedKey: this.seal(sessionKey), updatedAt: new Date() }, ['memberId']);
  }

  /** Account deletion: the member's session key goes (in the deleting transaction). */
  async forget(em: EntityManager, memberId: string): Promise<void> {
    await em.getRepository(MemberWechatSessionEntity).delete({ memberId });
  }

  /**
   * wx.getGroupEnterInfo's data → the group's openGId. Data that does not decrypt with the member's
   * session key, or was meant for another app, is a 400 GROUP_DATA_INVALID.
   */
  async openGroupId(memberId: string, data: EncryptedOpenData): Promise<string> {
    const row = await this.sessions.findOneBy({ memberId });
    if (!row) throw invalid('No WeChat session for this member: log in again, then retry');
    let plain: { opengid?: unknown; openGId?: unknown };
    try {
      plain = decryptWxData(this.unseal(row.sealedKey), data.encryptedData, data.iv, this.config.wechat.appId);
    } catch (e) {
      if (e instanceof WxDataError) throw invalid(`The group data could not be read (${e.reason})`);
      throw e;
    }
    // getGroupEnterInfo says `opengid`; the older getShareInfo says `openGId`.
    const id = plain.opengid ?? plain.openGId;
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw invalid('The group data names no group');
    return id;
  }

  private seal(sessionKey: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(sessionKey, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
  }

  private unseal(sealed: string): string {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}
