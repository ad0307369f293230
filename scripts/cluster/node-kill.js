// One database node dies (SIGKILL) while orders stream in through all three API instances. Galera
// commits synchronously, so an order the API acknowledged (201) is on the surviving nodes; the two
// instances whose nodes live keep taking orders; once the dead node rejoins it has every one of them.
import { randomUUID } from 'node:crypto';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function nodeKillScenario({ cluster, apis, brand, sql, log, assertEqual }) {
  const victim = 2;
  const acknowledged = [];
  const afterKill = { served: [0, 0, 0], failed: [0, 0, 0] };
  let killedAt = null;
  let stop = false;

  const worker = async (w) => {
    for (let n = 0; !stop; n++) {
      const i = (w + n) % apis.length;
      const buyer = brand.buyers[(w * 7 + n) % brand.buyers.length];
      const res = await apis[i].http
        .call('POST', '/api/orders', {
          body: { lines: [{ skuId: brand.skus[0].skuId, quantity: 1 }] },
          token: buyer.token,
          headers: { 'idempotency-key': randomUUID() },
          timeoutMs: 30_000,
        })
        .catch(() => ({ status: 0 }));
      if (res.status === 201) acknowledged.push({ id: res.body.id, via: i });
      if (killedAt !== null) (res.status === 201 ? afterKill.served : afterKill.failed)[i]++;
      if (res.status !== 201) await sleep(50);
    }
  };

  const workers = Array.from({ length: 6 }, (_, w) => worker(w));
  await sleep(2_000);
  log(`    killing node${victim + 1} after ${acknowledged.length} acknowledged orders`);
  cluster.kill(victim);
  killedAt = Date.now();
  // Long enough for the survivors to evict the dead node (Galera's suspect timeout is 5 s) and serve on.
  await sleep(12_000);
  stop = true;
  await Promise.all(workers);
  log(
    `    after the kill: served ${JSON.stringify(afterKill.served)}, failed ${JSON.stringify(afterKill.failed)} (per instance)`,
  );
  if (!(afterKill.served[0] > 0 && afterKill.served[1] > 0))
    throw new Error('the instances on the surviving nodes stopped serving after the kill');

  await cluster.waitForSize(2, 0);
  log(`    rejoining node${victim + 1}`);
  await cluster.rejoin(victim);

  const ids = acknowledged.map((a) => a.id);
  for (const i of [0, 1, 2]) {
    const c = await sql(i);
    const found = new Set();
    for (let k = 0; k < ids.length; k += 500) {
      const [rows] = await c.query('SELECT id FROM orders WHERE id IN (?)', [ids.slice(k, k + 500)]);
      for (const r of rows) found.add(r.id);
    }
    await c.end();
    assertEqual(
      ids.filter((id) => !found.has(id)),
      [],
      `acknowledged orders missing on node${i + 1}`,
    );
  }
  log(`    ${ids.length} acknowledged orders present on all three nodes after the rejoin`);

  // The instance whose node died serves again once its node is back (its pool reconnects).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await apis[victim].http.call('GET', '/api/stores').catch(() => ({ status: 0 }));
    if (r.status === 200) break;
    if (Date.now() > deadline) throw new Error(`api${victim + 1} did not serve again after its node rejoined`);
    await sleep(500);
  }
}
