// A three-node MariaDB Galera cluster on this machine: its own ports, data directories and sockets under
// one directory, started and stopped by this module (no system service is touched). Used by
// `pnpm test:cluster` and runnable by hand:
//
//   node scripts/cluster/galera.js start [DIR]   # prints the nodes' URLs, leaves the cluster running
//   node scripts/cluster/galera.js stop [DIR]
//
// Galera is multi-primary: every node takes writes; a conflicting write surfaces at commit as a
// deadlock (1213), which the API retries like any deadlock.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';

const HOST = '127.0.0.1';
const PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Ports of node i (0-based): SQL, group communication, IST, SST. */
function ports(base, i) {
  return { sql: base + i, gcomm: base + 100 + i * 10, ist: base + 101 + i * 10, sst: base + 102 + i * 10 };
}

function binary(name) {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/bin'])
    if (existsSync(join(dir, name))) return join(dir, name);
  return name;
}

export function galeraAvailable() {
  return existsSync(PROVIDER) && existsSync(binary('mariadbd')) && spawnSync('which', ['rsync']).status === 0;
}

/**
 * Starts (or adopts) a cluster of `size` nodes under `dir`. Returns handles to kill and restart single
 * nodes and to stop the whole cluster.
 */
/** Where each node of a cluster under `dir` keeps its data, socket, log and pid, and its ports. */
export function clusterLayout({ dir = join(tmpdir(), 'guideshare-galera'), basePort = 23306, size = 3 } = {}) {
  return Array.from({ length: size }, (_, i) => {
    const p = ports(basePort, i);
    const home = join(dir, `node${i + 1}`);
    return {
      index: i,
      name: `node${i + 1}`,
      port: p.sql,
      ports: p,
      datadir: join(home, 'data'),
      socket: join(home, 'mysqld.sock'),
      logFile: join(home, 'error.log'),
      pidFile: join(home, 'mysqld.pid'),
      url: `mariadb://root@${HOST}:${p.sql}`,
    };
  });
}

/**
 * Starts (or adopts, when this `dir` already runs one) a cluster of `size` nodes under `dir`. Returns
 * handles to kill and restart single nodes and to stop the whole cluster.
 */
export async function startCluster({
  dir = join(tmpdir(), 'guideshare-galera'),
  basePort = 23306,
  size = 3,
  log = () => {},
} = {}) {
  if (!galeraAvailable()) throw new Error(`Galera needs ${PROVIDER} (Debian galera-4), mariadbd and rsync`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const nodes = clusterLayout({ dir, basePort, size });
  const cluster = `guideshare_${basePort}`;
  const address = `gcomm://${nodes.map((n) => `${HOST}:${n.ports.gcomm}`).join(',')}`;

  const args = (node, bootstrap) => [
    '--no-defaults',
    '--user=mysql',
    `--datadir=${node.datadir}`,
    `--port=${node.port}`,
    `--socket=${node.socket}`,
    `--pid-file=${node.pidFile}`,
    `--log-error=${node.logFile}`,
    `--bind-address=${HOST}`,
    '--skip-name-resolve',
    '--binlog-format=ROW',
    '--innodb-autoinc-lock-mode=2',
    // Set on purpose to the MySQL default a portable schema must survive: tables declare utf8mb4 themselves.
    '--character-set-server=latin1',
    '--innodb-buffer-pool-size=64M',
    '--innodb-flush-log-at-trx-commit=2',
    '--max-connections=300',
    '--wsrep-on=ON',
    `--wsrep-provider=${PROVIDER}`,
    `--wsrep-cluster-name=${cluster}`,
    `--wsrep-node-name=${node.name}`,
    `--wsrep-node-address=${HOST}:${node.ports.gcomm}`,
    `--wsrep-cluster-address=${address}`,
    `--wsrep-provider-options=gmcast.listen_addr=tcp://${HOST}:${node.ports.gcomm};ist.recv_addr=${HOST}:${node.ports.ist};gcache.size=64M`,
    '--wsrep-sst-method=rsync',
    `--wsrep-sst-receive-address=${HOST}:${node.ports.sst}`,
    ...(bootstrap ? ['--wsrep-new-cluster'] : []),
  ];

  async function launch(node, bootstrap) {
    mkdirSync(join(node.datadir, '..'), { recursive: true });
    spawnSync('chown', ['-R', 'mysql:mysql', join(node.datadir, '..')]);
    const child = spawn(binary('mariadbd'), args(node, bootstrap), { stdio: 'ignore', detached: true });
    child.unref();
    await waitUntil(node, (s) => s.ready, 120_000);
  }

  async function status(node) {
    let conn;
    try {
      conn = await mysql.createConnection({ host: HOST, port: node.port, user: 'root', connectTimeout: 1000 });
      const [rows] = await conn.query(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_ready','wsrep_cluster_size','wsrep_local_state_comment')",
      );
      const v = Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
      return {
        up: true,
        ready: v.wsrep_ready === 'ON',
        size: Number(v.wsrep_cluster_size),
        state: v.wsrep_local_state_comment,
      };
    } catch {
      return { up: false, ready: false, size: 0 };
    } finally {
      await conn?.end().catch(() => {});
    }
  }

  async function waitUntil(node, predicate, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await status(node);
      if (predicate(s)) return s;
      if (Date.now() > deadline) throw new Error(`${node.name}: not ready in ${timeoutMs} ms\n${tailLog(node)}`);
      await sleep(300);
    }
  }

  // Adopt a cluster this directory already runs (an earlier `start`): keeps re-runs fast.
  const ours = nodes.every((n) => alive(readPid(n)));
  const existing = ours ? await Promise.all(nodes.map(status)) : [];
  if (!ours || !existing.every((s) => s.ready && s.size === size)) {
    const taken = (await Promise.all(nodes.map(status))).some((s) => s.up);
    if (!ours && taken)
      throw new Error(`ports ${nodes[0].port}… answer already: another cluster runs there (stop it first)`);
    await stopNodes(nodes);
    for (const node of nodes) rmSync(join(node.datadir, '..'), { recursive: true, force: true });
    for (const node of nodes) {
      mkdirSync(node.datadir, { recursive: true });
      spawnSync('chown', ['-R', 'mysql:mysql', join(node.datadir, '..')]);
      const init = spawnSync(
        binary('mariadb-install-db'),
        [
          '--no-defaults',
          '--user=mysql',
          `--datadir=${node.datadir}`,
          '--auth-root-authentication-method=normal',
          '--skip-test-db',
        ],
        { encoding: 'utf8' },
      );
      if (init.status !== 0) throw new Error(`mariadb-install-db ${node.name}: ${init.stderr || init.stdout}`);
    }
    log(`galera: bootstrapping ${nodes[0].name} on ${nodes[0].port}`);
    await launch(nodes[0], true);
    for (const node of nodes.slice(1)) {
      log(`galera: joining ${node.name} on ${node.port}`);
      await launch(node, false);
    }
    await waitUntil(nodes[0], (s) => s.size === size, 60_000);
  }
  writeFileSync(join(dir, 'cluster.json'), JSON.stringify({ basePort, size, nodes: nodes.map((n) => n.url) }));

  return {
    dir,
    nodes,
    status,
    /** SIGKILL one node: a crash, not a shutdown. */
    kill(i) {
      const pid = readPid(nodes[i]);
      if (pid) process.kill(pid, 'SIGKILL');
    },
    /** Starts a killed node again; it rejoins the others by IST/SST. */
    async rejoin(i) {
      await launch(nodes[i], false);
      await waitUntil(nodes[i], (s) => s.ready && s.size === size, 120_000);
    },
    async waitForSize(expected, i = 0, timeoutMs = 60_000) {
      return waitUntil(nodes[i], (s) => s.ready && s.size === expected, timeoutMs);
    },
    async stop() {
      await stopNodes(nodes);
    },
  };
}

function readPid(node) {
  try {
    return Number(readFileSync(node.pidFile, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function alive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopNodes(nodes) {
  // Reverse order: the bootstrap node last, so its state is the safe one to bootstrap from.
  for (const node of [...nodes].reverse()) {
    const pid = readPid(node);
    if (!pid || !alive(pid)) continue;
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(200);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

function tailLog(node) {
  try {
    return readFileSync(node.logFile, 'utf8').split('\n').slice(-25).join('\n');
  } catch {
    return '';
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command = 'start', dir] = process.argv.slice(2);
  if (command === 'stop') {
    await stopNodes(clusterLayout({ dir: dir || undefined }));
    console.log('galera: stopped');
  } else {
    const cluster = await startCluster({ dir: dir || undefined, log: console.log });
    for (const n of cluster.nodes) console.log(`${n.name} ${n.url}`);
  }
}
