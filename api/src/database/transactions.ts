import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 4;

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
 * Write transactions: READ COMMITTED on MySQL (REPEATABLE READ gap locks deadlock under load,
 * STACK.md) with a bounded retry on deadlock. sql.js has one connection and no isolation, so its
 * transactions are serialized in-process.
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type !== 'sqljs';
  }

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.mysql) return this.serialized(() => this.dataSource.transaction(work));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
      }
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
