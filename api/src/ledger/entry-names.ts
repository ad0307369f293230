import type { EntityManager } from 'typeorm';
import type { CommissionEntry } from '@guideshare/contracts';
import type { LedgerEntryEntity } from './ledger-entry.entity.js';

/**
 * Names each entry's order (its number) and product (of its order line), so the guide can tell
 * entries apart. A read of the orders' and catalog's tables by name, like the reports' read model:
 * importing their entities here would make ledger and orders depend on each other.
 */
export async function nameEntries(
  em: EntityManager,
  entries: CommissionEntry[],
  rows: LedgerEntryEntity[],
): Promise<CommissionEntry[]> {
  const orderIds = [...new Set(rows.flatMap((r) => (r.orderId ? [r.orderId] : [])))];
  const lineIds = [...new Set(rows.flatMap((r) => (r.orderLineId ? [r.orderLineId] : [])))];
  const query = async (sql: string, ids: string[]) => {
    if (!ids.length) return [] as Array<Record<string, unknown>>;
    const [text, params] = em.connection.driver.escapeQueryWithParameters(sql, { ids });
    return (await em.query(text, params)) as Array<Record<string, unknown>>;
  };
  const [orders, lines] = await Promise.all([
    query('SELECT o.id AS id, o.orderNo AS orderNo FROM `orders` o WHERE o.id IN (:...ids)', orderIds),
    query(
      'SELECT l.id AS id, p.name AS name FROM `order_lines` l JOIN `products` p ON p.id = l.productId WHERE l.id IN (:...ids)',
      lineIds,
    ),
  ]);
  const orderNo = new Map(orders.map((o) => [String(o.id), (o.orderNo as string | null) ?? null]));
  const product = new Map(lines.map((l) => [String(l.id), String(l.name)]));
  return entries.map((e, i) => ({
    ...e,
    orderNo: e.orderId ? (orderNo.get(e.orderId) ?? null) : null,
    productName: rows[i]!.orderLineId ? (product.get(rows[i]!.orderLineId!) ?? null) : null,
  }));
}
