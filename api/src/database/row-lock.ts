import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Row locks (`SELECT … FOR UPDATE`) held until the transaction ends. MySQL/MariaDB take them;
 * sql.js (tests, demo) has none — it runs one transaction at a time, which serializes just as well.
 */
export function hasRowLocks(em: EntityManager): boolean {
  return em.connection.options.type !== 'sqljs';
}

/** The find option that locks the rows read, e.g. `repo.findOne({ where, ...forUpdate(em) })`. */
export function forUpdate(em: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return hasRowLocks(em) ? { lock: { mode: 'pessimistic_write' } } : {};
}

/** The same for a query builder: the query, locking the rows it reads where the database can. */
export function lockedForUpdate<T extends ObjectLiteral>(
  em: EntityManager,
  query: SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  return hasRowLocks(em) ? query.setLock('pessimistic_write') : query;
}
