import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import type { Role } from '@guideshare/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export interface Principal {
  /** member id, guide id or staff account id, by role */
  sub: string;
  role: Role;
  /** A guide's or a clerk's store. */
  storeId?: string;
}

const TOKEN_TTL = '7d';
const ISSUER = 'guideshare';

/** Stateless bearer tokens (HS256): the API scales out with no session store. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.tokenSecret);
  }

  issue(principal: Principal): Promise<string> {
    const claims: Record<string, unknown> = { role: principal.role };
    if (principal.storeId) claims.storeId = principal.storeId;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(TOKEN_TTL)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const role = payload.role as Role;
      if (!payload.sub || !['consumer', 'guide', 'finance', 'admin', 'clerk'].includes(role)) return null;
      // A clerk acts for one store: a clerk token without it is not one we issued.
      if (role === 'clerk' && typeof payload.storeId !== 'string') return null;
      return { sub: payload.sub, role, storeId: typeof payload.storeId === 'string' ? payload.storeId : undefined };
    } catch {
      return null;
    }
  }
}
