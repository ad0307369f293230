// The raw baselines' building blocks: one READ COMMITTED transaction, and the rows of an attributed
// order as the API writes them (orders, order_lines, the guide's accrual), for the phases to compare with.
import { insertStatement, newId } from './seed.js';

const RATE_BPS = 800;

/** `work(conn)` inside one READ COMMITTED transaction on a pooled connection; rolled back if it throws. */
export async function inReadCommitted(pool, work) {
  const conn = await pool.getConnection();
  try {
    await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    await conn.query('START TRANSACTION');
    await work(conn);
    await conn.query('COMMIT');
  } catch (e) {
    await conn.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    conn.release();
  }
}

/** Inserts `[table, row]` pairs one statement each, in order. */
export async function insertRows(conn, schema, rows) {
  for (const [table, row] of rows) {
    const st = insertStatement(schema, table, row);
    await conn.query(st.sql, st.params);
  }
}

/**
 * An attributed order of one unit of `sku` credited to `guide` ({guideId, storeId}), as `[table, row]`
 * pairs (and the order's id): its `orders` row (`order` overrides the online, unpaid defaults), its one line and the accrual.
 */
export function attributedOrderRows({ memberId, sku, guide, order = {}, now = new Date() }) {
  const orderId = newId(now.getTime());
  const lineId = newId(now.getTime());
  return {
    now,
    orderId,
    order: [
      'orders',
      {
        id: orderId,
        memberId,
        channel: 'online',
        status: 'PENDING_PAYMENT',
        storeId: guide.storeId,
        totalFen: sku.priceFen,
        paidFen: 0,
        refundedFen: 0,
        idempotencyKey: null,
        requestHash: 'x'.repeat(64),
        receiptNo: null,
        liveId: null,
        attrRule: 'share',
        attrGuideId: guide.guideId,
        attrStoreId: guide.storeId,
        attrShareCode: null,
        attrTouchedAt: now,
        attrPolicyVersion: 1,
        attrCommissionable: 1,
        attrSelfReferral: 0,
        createdAt: now,
        paidAt: null,
        ...order,
      },
    ],
    line: [
      'order_lines',
      {
        id: lineId,
        orderId,
        skuId: sku.skuId,
        productId: sku.productId,
        quantity: 1,
        unitPriceFen: sku.priceFen,
        amountFen: sku.priceFen,
        rateBps: RATE_BPS,
        refundedQuantity: 0,
        refundedFen: 0,
        lineNo: 1,
      },
    ],
    accrual: ['ledger_entries', accrualRow({ now, orderId, lineId, sku, guide })],
  };
}

function accrualRow({ now, orderId, lineId, sku, guide }) {
  return {
    id: newId(now.getTime()),
    dedupeKey: `accrual:${lineId}`,
    guideId: guide.guideId,
    storeId: guide.storeId,
    orderId,
    orderLineId: lineId,
    kind: 'accrual',
    amountFen: Math.floor((sku.priceFen * RATE_BPS) / 10_000),
    rateBps: RATE_BPS,
    baseFen: sku.priceFen,
    availableAt: new Date(now.getTime() + 7 * 86_400_000),
    settlementId: null,
    reason: null,
    createdAt: now,
  };
}
