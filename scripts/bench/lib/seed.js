// Large data straight into MariaDB with multi-row INSERTs (never through the API), shaped like the
// rows the API writes. Columns other engineers add later (NOT NULL, no default) get a neutral value,
// so the seeding keeps working while the schema grows.
import { randomBytes } from 'node:crypto';

/** UUIDv7 exactly as the API makes them (the bench runs after `tsc -b`). */
import { newId } from '../../../api/dist/common/ids.js';

export { newId };

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function randomCode(length = 22) {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 62];
  return s;
}

const DAY = 86_400_000;

/** Column metadata of the bench database, to complete rows with columns this script does not know. */
export async function loadSchema(pool, database) {
  const [rows] = await pool.query(
    `SELECT TABLE_NAME t, COLUMN_NAME c, IS_NULLABLE n, COLUMN_DEFAULT d, DATA_TYPE type, EXTRA extra
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY ORDINAL_POSITION`,
    [database],
  );
  const tables = new Map();
  for (const r of rows) {
    if (!tables.has(r.t)) tables.set(r.t, []);
    tables.get(r.t).push(r);
  }
  const neutral = (type, now) =>
    /char|text|enum|set|json|blob|binary/.test(type) ? '' : /date|time/.test(type) ? now : 0;
  return {
    has: (table) => tables.has(table),
    columns: (table) => (tables.get(table) ?? []).map((r) => r.c),
    /** Column names for an insert of `known` columns plus any required column we do not know. */
    plan(table, known) {
      const cols = tables.get(table);
      if (!cols) throw new Error(`bench: table ${table} does not exist`);
      const names = new Set(cols.map((r) => r.c));
      const missing = known.filter((k) => !names.has(k));
      if (missing.length) throw new Error(`bench: ${table} has no column(s) ${missing.join(', ')}`);
      const extra = cols.filter(
        (r) => !known.includes(r.c) && r.n === 'NO' && r.d === null && !/auto_increment|GENERATED/i.test(r.extra),
      );
      return { columns: [...known, ...extra.map((r) => r.c)], fill: (now) => extra.map((r) => neutral(r.type, now)) };
    },
  };
}

/** INSERT … VALUES (…),(…) in batches; `rows` are arrays in `known` column order. */
export async function bulkInsert(pool, schema, table, known, rows, { batch = 2000, ignore = false } = {}) {
  const plan = schema.plan(table, known);
  const now = new Date();
  const extra = plan.fill(now);
  const cols = plan.columns.map((c) => `\`${c}\``).join(', ');
  const conn = await pool.getConnection();
  try {
    await conn.query('SET SESSION unique_checks = 0');
    for (let i = 0; i < rows.length; i += batch) {
      const chunk = rows.slice(i, i + batch).map((r) => (extra.length ? [...r, ...extra] : r));
      await conn.query(`INSERT ${ignore ? 'IGNORE ' : ''}INTO \`${table}\` (${cols}) VALUES ?`, [chunk]);
    }
    await conn.query('SET SESSION unique_checks = 1');
  } finally {
    conn.release();
  }
}

/** One row as INSERT text + params, completed for unknown required columns (raw baselines). */
export function insertStatement(schema, table, row) {
  const known = Object.keys(row);
  const plan = schema.plan(table, known);
  const extra = plan.fill(new Date());
  const cols = plan.columns.map((c) => `\`${c}\``).join(', ');
  return {
    sql: `INSERT INTO \`${table}\` (${cols}) VALUES (${plan.columns.map(() => '?').join(', ')})`,
    params: [...Object.values(row), ...extra],
  };
}

/** Stores, guides and one share per guide, as the population behind the large tables. */
export async function seedPopulation(pool, schema, { stores = 100, guides = 1000, productId }) {
  const now = Date.now();
  const storeRows = [];
  for (let i = 0; i < stores; i++)
    storeRows.push([newId(now - DAY * 400), `基准门店${i}`, `城市${i % 30}`, new Date(now - DAY * 400)]);
  await bulkInsert(pool, schema, 'stores', ['id', 'name', 'city', 'createdAt'], storeRows);
  const guideRows = [];
  const shareRows = [];
  const population = { stores: storeRows.map((r) => r[0]), guides: [], shares: [] };
  for (let i = 0; i < guides; i++) {
    const id = newId(now - DAY * 300);
    const storeId = storeRows[i % stores][0];
    guideRows.push([
      id,
      storeId,
      `基准导购${i}`,
      `bench-seed-g${i}`,
      'active',
      null,
      null,
      new Date(now - DAY * 300),
      null,
    ]);
    const code = randomCode();
    shareRows.push([code, 'product', productId, id, storeId, new Date(now - DAY * 60)]);
    population.guides.push({ id, storeId });
    population.shares.push({ code, guideId: id, storeId });
  }
  await bulkInsert(
    pool,
    schema,
    'guides',
    ['id', 'storeId', 'name', 'wecomUserId', 'status', 'successorGuideId', 'memberId', 'createdAt', 'departedAt'],
    guideRows,
  );
  await bulkInsert(pool, schema, 'shares', ['code', 'kind', 'targetId', 'guideId', 'storeId', 'createdAt'], shareRows);
  return population;
}

const MEMBER_COLS = [
  'id',
  'openid',
  'unionid',
  'phone',
  'registeredAt',
  'openingGuideId',
  'serviceGuideId',
  'serviceStoreId',
  'boundAt',
  'createdAt',
];
const VISIT_COLS = [
  'id',
  'memberId',
  'shareCode',
  'guideId',
  'storeId',
  'kind',
  'targetId',
  'scene',
  'chatType',
  'path',
  'visitedAt',
];

/**
 * Grows members and touches to `members` / `touches` in total. `probes` new members get
 * `touchesPerProbe` touches each (half inside the 7-day online window, half older): the members
 * whose orders measure the attribution decision. Everything else is spread over 30 days.
 */
export async function growTouches(
  pool,
  schema,
  population,
  {
    fromMembers,
    members,
    fromTouches,
    touches,
    probes,
    touchesPerProbe = 4,
    heavy = 0,
    heavyTouches = 500,
    productId,
    batch = 5000,
  },
) {
  const now = Date.now();
  const pick = (arr) => arr[Math.floor(Math.random() * arr.length)];
  const share = () => pick(population.shares);
  const visitRow = (memberId, at, s = share()) => [
    newId(at),
    memberId,
    s.code,
    s.guideId,
    s.storeId,
    'product',
    productId,
    1007,
    1,
    null,
    new Date(at),
  ];

  const newMembers = [];
  const probeMembers = [];
  const heavyMembers = [];
  // Ids are time-ordered (UUIDv7), so creation times rise with i: the primary key grows at its end.
  for (let i = fromMembers; i < members; i++) {
    const created = now - DAY * 90 + i * 1000;
    const id = newId(created);
    const bound = Math.random() < 0.5 ? share() : null;
    newMembers.push([
      id,
      `bench-m-${i}`,
      null,
      null,
      null,
      bound?.guideId ?? null,
      bound?.guideId ?? null,
      bound?.storeId ?? null,
      bound ? new Date(created) : null,
      new Date(created),
    ]);
    if (probeMembers.length < probes) probeMembers.push(id);
    else if (heavyMembers.length < heavy) heavyMembers.push(id);
  }
  for (let i = 0; i < newMembers.length; i += 50_000)
    await bulkInsert(pool, schema, 'members', MEMBER_COLS, newMembers.slice(i, i + 50_000), { batch });
  const memberIds = population.memberIds ?? (population.memberIds = []);
  for (const m of newMembers) memberIds.push(m[0]);

  let remaining = touches - fromTouches;
  const rows = [];
  const flush = async (force) => {
    if (rows.length >= 50_000 || (force && rows.length)) {
      rows.sort((a, b) => (a[0] < b[0] ? -1 : 1)); // primary-key order inside a chunk
      await bulkInsert(pool, schema, 'visits', VISIT_COLS, rows.splice(0), { batch });
    }
  };
  for (const memberId of probeMembers) {
    for (let k = 0; k < touchesPerProbe && remaining > 0; k++, remaining--) {
      const inWindow = k < Math.ceil(touchesPerProbe / 2);
      const at = inWindow
        ? now - Math.floor(Math.random() * DAY * 6) - 60_000
        : now - DAY * 10 - Math.floor(Math.random() * DAY * 20);
      rows.push(visitRow(memberId, at));
    }
  }
  // Heavy members: `heavyTouches` touches each inside the online window (a keen shopper, or a bot).
  for (const memberId of heavyMembers) {
    for (let k = 0; k < heavyTouches && remaining > 0; k++, remaining--)
      rows.push(visitRow(memberId, now - Math.floor(Math.random() * DAY * 6) - 60_000));
    await flush(false);
  }
  // The rest, spread over 30 days in rising time order (touches arrive in time order, and the
  // primary key is time-ordered), each by a random member.
  const total = remaining;
  const start = now - DAY * 30;
  const step = (DAY * 30 - 120_000) / Math.max(1, total);
  for (let j = 0; j < total; j++) {
    rows.push(visitRow(pick(memberIds), Math.floor(start + j * step + Math.random() * step)));
    await flush(false);
  }
  await flush(true);
  return { probes: probeMembers, heavy: heavyMembers };
}

const LEDGER_COLS = [
  'id',
  'dedupeKey',
  'guideId',
  'storeId',
  'orderId',
  'orderLineId',
  'kind',
  'amountFen',
  'rateBps',
  'baseFen',
  'availableAt',
  'settlementId',
  'reason',
  'createdAt',
];

/**
 * `count` unsettled ledger entries that become available inside `period` (YYYY-MM, well clear of
 * the month's edges in any time zone): 90% accruals, 8% reversals, 2% adjustments, across the guides.
 */
export async function seedLedger(pool, schema, population, { count, period, batch = 5000 }) {
  const [y, m] = period.split('-').map(Number);
  const start = Date.UTC(y, m - 1, 3);
  const span = Date.UTC(y, m - 1, 26) - start;
  let rows = [];
  for (let i = 0; i < count; i++) {
    const g = population.guides[i % population.guides.length];
    const availableAt = start + Math.floor((i / count) * span);
    const id = newId(availableAt - 7 * DAY);
    const r = Math.random();
    const kind = r < 0.9 ? 'accrual' : r < 0.98 ? 'reversal' : 'adjustment';
    const base = 1000 + Math.floor(Math.random() * 50_000);
    const amount =
      kind === 'accrual'
        ? Math.round((base * 800) / 10_000)
        : kind === 'reversal'
          ? -Math.round((base * 400) / 10_000)
          : Math.round((Math.random() - 0.3) * 1000);
    rows.push([
      id,
      `bench:${id}`,
      g.id,
      g.storeId,
      kind === 'adjustment' ? null : newId(availableAt - 7 * DAY),
      kind === 'adjustment' ? null : newId(availableAt - 7 * DAY),
      kind,
      amount,
      kind === 'adjustment' ? null : 800,
      kind === 'adjustment' ? null : base,
      new Date(availableAt),
      null,
      kind === 'adjustment' ? 'bench adjustment' : null,
      new Date(availableAt - 7 * DAY),
    ]);
    if (rows.length >= 50_000) {
      await bulkInsert(pool, schema, 'ledger_entries', LEDGER_COLS, rows, { batch });
      rows = [];
    }
  }
  if (rows.length) await bulkInsert(pool, schema, 'ledger_entries', LEDGER_COLS, rows, { batch });
  return { from: new Date(start).toISOString(), to: new Date(start + span).toISOString() };
}
