import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LeaseEntity } from './lease.entity.js';

/**
 * Background sweeps (expire unpaid orders, chase refunds whose notify never came, …) run once across
 * every API instance: each round, an instance takes or renews the sweep's lease in the database (a
 * conditional UPDATE — no GET_LOCK, which Galera does not replicate) and only the holder works. A holder
 * that crashes stops renewing; its lease lapses after two rounds and another instance takes over.
 */
@Injectable()
export class Sweeps implements OnApplicationShutdown {
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger('Sweeps');
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` every `everyMs` milliseconds on whichever single instance holds the lease. */
  every(name: string, everyMs: number, work: () => Promise<unknown>): void {
    const timer = setInterval(() => void this.round(name, everyMs * 2, work), everyMs);
    timer.unref();
    this.timers.push(timer);
  }

  /** One round: returns whether this instance held the lease and ran the work. Errors are logged, not thrown. */
  async round(name: string, leaseMs: number, work: () => Promise<unknown>): Promise<boolean> {
    try {
      if (!(await this.acquire(name, leaseMs))) return false;
      await work();
      return true;
    } catch (error) {
      const e = error as Error;
      this.logger.error(`sweep ${name} failed: ${e?.message ?? e}`, e?.stack);
      return false;
    }
  }

  /** Takes the lease if it is free or lapsed, or renews it if this instance holds it. */
  async acquire(name: string, leaseMs: number, now = new Date()): Promise<boolean> {
    const leases = this.dataSource.getRepository(LeaseEntity);
    await leases
      .createQueryBuilder()
      .insert()
      .values({ name, holder: '', expiresAt: new Date(0) })
      .orIgnore()
      .execute();
    try {
      const result = await leases
        .createQueryBuilder()
        .update()
        .set({ holder: this.holder, expiresAt: new Date(now.getTime() + leaseMs) })
        .where('name = :name AND (holder = :holder OR expiresAt < :now)', { name, holder: this.holder, now })
        .execute();
      return result.affected === 1;
    } catch (error) {
      // Two instances renewing at once on different Galera nodes: the loser's commit fails certification.
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT') return false;
      throw error;
    }
  }

  onApplicationShutdown() {
    for (const t of this.timers) clearInterval(t);
  }
}
