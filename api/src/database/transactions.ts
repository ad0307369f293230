import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
// Galera reports a write-set that lost certification to another node's commit as a deadlock (1213), so
// a hot row written through several nodes (one SKU's stock) conflicts far more often than on one server.
const MAX_ATTEMPTS = 10;
const BACKOFF_CAP_MS = 200;

export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return RETRYABLE.has(e?.driverError?.code ?? e?.code ?? '');
}

/**
 * Write transactions: READ COMMITTED on MySQL (REPEATABLE READ gap locks deadlock under load) with a
 * bounded, jittered retry on deadlock — which is also how Galera reports a certification conflict. sql.js has one connection and no isolation, so its
 * transactions are serialized in-process.
 *
 * A method that reads or writes takes the manager as its first, required parameter: the caller's
 * transaction (`run(em => …)`) or, said out loud, `outside` (docs/DEVELOPING.md "Transactions").
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type !== 'sqljs';
  }

  /**
   * The manager for work outside any transaction (each statement commits on its own): what a caller
   * passes when it means not to be in a transaction, so a missing manager never reads outside one silently.
   */
  get outside(): EntityManager {
    return this.dataSource.manager;
  }

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.mysql) return this.serialized(() => this.dataSource.transaction(work));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        // Full jitter over an exponentially growing window spreads the retrying writers apart.
        const window = Math.min(BACKOFF_CAP_MS, 5 * 2 ** attempt);
        await new Promise((r) => setTimeout(r, 1 + Math.random() * window));
      }
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
