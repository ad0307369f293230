import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Policy, PolicyInput, PolicyVersion } from '@guideshare/contracts';
import { DEFAULT_POLICY_OPTIONS } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { isDuplicateKey, Transactions } from '../database/transactions.js';
import { PolicyVersionEntity } from './policy.entity.js';

/**
 * docs/DOMAIN.md defaults: 7-day online window, 14-day store window, no self-referral, 7 cooling-off days;
 * attribution options as before they existed (first touch binds, permanently, no protection, the
 * sharer wins, guides of any store earn share credit).
 */
export const DEFAULT_POLICY: PolicyInput = {
  onlineWindowHours: 7 * 24,
  storeWindowHours: 14 * 24,
  selfReferral: 'deny',
  defaultRateBps: 300,
  serviceRateBps: 100,
  coolingOffDays: 7,
  ...DEFAULT_POLICY_OPTIONS,
};

const toPolicy = ({ createdAt: _, ...policy }: PolicyVersionEntity): Policy => ({
  ...policy,
  // mysql2 may hand a tinyint back as 0/1.
  crossStoreShareCredit: Boolean(policy.crossStoreShareCredit),
});

@Injectable()
export class PolicyService {
  constructor(
    @InjectRepository(PolicyVersionEntity) private readonly versions: Repository<PolicyVersionEntity>,
    private readonly tx: Transactions,
  ) {}

  /**
   * The newest version, read through `em`; version 1 (the defaults) is created on first need, outside
   * `em`'s transaction (committed at once, so a caller's rollback never takes it back).
   */
  async current(em: EntityManager): Promise<Policy> {
    const [latest] = await em.getRepository(PolicyVersionEntity).find({ order: { version: 'DESC' }, take: 1 });
    if (latest) return toPolicy(latest);
    const first = { version: 1, ...DEFAULT_POLICY, createdAt: new Date() };
    // Concurrent first readers: one version 1 lands, the others read the newest version.
    const { value } = await insertOrReplay(
      async () => {
        await this.versions.insert(first);
        return toPolicy(first);
      },
      () => this.current(em),
    );
    return value;
  }

  /** Every version, newest first, with when it was made. */
  async history(): Promise<PolicyVersion[]> {
    await this.current(this.tx.outside); // version 1 exists once anyone asks
    const rows = await this.versions.find({ order: { version: 'DESC' } });
    return rows.map((row) => ({ ...toPolicy(row), createdAt: row.createdAt.toISOString() }));
  }

  async byVersion(em: EntityManager, version: number): Promise<Policy> {
    const row = await em.getRepository(PolicyVersionEntity).findOneBy({ version });
    if (!row) throw new Error(`Policy version ${version} does not exist`);
    return toPolicy(row);
  }

  /**
   * Appends a version; the primary key on `version` serializes concurrent PUTs. A PUT is the whole
   * policy: an attribution option left out takes its default.
   */
  async put(body: Partial<PolicyInput>): Promise<Policy> {
    const input: PolicyInput = { ...DEFAULT_POLICY, ...body };
    for (let attempt = 0; attempt < 5; attempt++) {
      const { version } = await this.current(this.tx.outside);
      const next = { version: version + 1, ...input, createdAt: new Date() };
      try {
        await this.versions.insert(next);
        return toPolicy(next);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    throw AppError.conflict('POLICY_CONFLICT', 'The policy changed concurrently; try again');
  }
}
