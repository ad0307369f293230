import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type {
  AuthGuideResponse,
  AuthStaffResponse,
  AuthWechatResponse,
  StaffAccount,
  StaffRole,
} from '@guideshare/contracts';
import { WechatApiClient, WechatApiError, WecomClient } from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isDuplicateKey } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import { MembersService } from '../members/members.service.js';
import { StoresService } from '../stores/stores.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { StaffAccountEntity } from './staff.entity.js';
import { TokenService } from '../auth/tokens.js';
import { WechatSessionsService } from '../wechat-sessions/wechat-sessions.service.js';

/** WeChat rejects a code it does not know (40029), has seen (40163) or is rate-limiting (45011). */
function loginFailure(e: unknown): AppError {
  if (e instanceof WechatApiError)
    return AppError.unauthorized(`WeChat refused the login code (${e.errcode})`, 'LOGIN_CODE_INVALID');
  return AppError.upstream('WECHAT_UNAVAILABLE', 'WeChat could not be reached; try again');
}

const toStaff = (a: StaffAccountEntity): StaffAccount => ({
  id: a.id,
  username: a.username,
  role: a.role,
  storeId: a.storeId,
  createdAt: a.createdAt.toISOString(),
});

@Injectable()
export class IdentityService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @InjectRepository(StaffAccountEntity) private readonly staff: Repository<StaffAccountEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly wechat: WechatApiClient,
    private readonly wecom: WecomClient,
    private readonly members: MembersService,
    private readonly guides: GuidesService,
    private readonly stores: StoresService,
    private readonly sessions: WechatSessionsService,
  ) {}

  /** The first admin account, from ADMIN_USERNAME/ADMIN_PASSWORD, created at boot if absent. */
  async onApplicationBootstrap() {
    const admin = this.config.admin;
    if (!admin || (await this.staff.existsBy({ username: admin.username }))) return;
    try {
      await this.createStaff(admin.username, admin.password, 'admin');
      this.logger.log(`Created the first admin account "${admin.username}"`);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'STAFF_EXISTS')) throw e;
    }
  }

  async loginConsumer(code: string): Promise<AuthWechatResponse> {
    const session = await this.wechat.code2Session(code).catch((e) => Promise.reject(loginFailure(e)));
    const member = await this.members.findOrCreateByOpenid(session.openid, session.unionid ?? null);
    // Kept server-side (never returned) to decrypt what WeChat gives this session, e.g. group enter info.
    await this.sessions.remember(member.id, session.sessionKey);
    const token = await this.tokens.issue({ sub: member.id, role: 'consumer' });
    return { token, member: { id: member.id, openid: member.openid } };
  }

  async loginGuide(code: string): Promise<AuthGuideResponse> {
    const { userId } = await this.wecom.getUserInfo(code).catch((e) => Promise.reject(loginFailure(e)));
    const guide = await this.guides.findByWecomUserId(userId);
    if (!guide) throw AppError.forbidden('This WeCom account is not a registered guide', 'GUIDE_NOT_REGISTERED');
    if (guide.status !== 'active') throw AppError.forbidden('This guide has departed', 'GUIDE_DEPARTED');
    const token = await this.tokens.issue({ sub: guide.id, role: 'guide', storeId: guide.storeId });
    return { token, guide: { id: guide.id, storeId: guide.storeId, name: guide.name } };
  }

  async loginStaff(username: string, password: string): Promise<AuthStaffResponse> {
    const account = await this.staff.findOneBy({ username });
    // Compare even for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(
      password,
      account?.passwordHash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    if (!account || !ok) throw AppError.unauthorized('Wrong username or password', 'LOGIN_FAILED');
    const storeId = account.role === 'clerk' ? (account.storeId ?? undefined) : undefined;
    const token = await this.tokens.issue({ sub: account.id, role: account.role, storeId });
    return { token, role: account.role, ...(storeId ? { storeId } : {}) };
  }

  /** A staff account; a clerk serves exactly one store (`storeId`), the other roles none. */
  async createStaff(username: string, password: string, role: StaffRole, storeId?: string): Promise<StaffAccount> {
    if (role === 'clerk' && storeId === undefined)
      throw AppError.badRequest('STORE_REQUIRED', 'A clerk account needs the storeId of its store');
    if (role !== 'clerk' && storeId !== undefined)
      throw AppError.badRequest('STORE_NOT_ALLOWED', 'Only a clerk account belongs to a store');
    if (storeId !== undefined) await this.stores.require(storeId);
    const account: StaffAccountEntity = {
      id: newId(),
      username,
      passwordHash: await hashPassword(password),
      role,
      storeId: storeId ?? null,
      createdAt: new Date(),
    };
    try {
      await this.staff.insert(account);
    } catch (e) {
      if (isDuplicateKey(e)) throw AppError.conflict('STAFF_EXISTS', `The username ${username} is taken`);
      throw e;
    }
    return toStaff(account);
  }

  async listStaff(): Promise<StaffAccount[]> {
    return (await this.staff.find({ order: { username: 'ASC' } })).map(toStaff);
  }
}
