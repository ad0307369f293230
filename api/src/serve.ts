import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `pnpm start:api`: one API process per core (`API_WORKERS` to choose), all listening on `PORT`; the
 * kernel's connection balancing is replaced by Node's round-robin in this primary. Every worker is a
 * whole API (`main.js`): nothing that matters lives in one process — tokens are stateless, rate-limit
 * counters live in Redis (`REDIS_URL`), background sweeps take a lease in the database, and the WeChat
 * access token comes from `stable_token`.
 *
 * The first worker starts alone so that it alone runs pending migrations; the others follow once it
 * listens. A worker that dies is replaced, unless it dies at start (a configuration error, exit 78).
 */
const EX_CONFIG = 78;

function workerCount(env: NodeJS.ProcessEnv): number {
  // The embedded demo database lives inside one process: several would each keep their own copy.
  if ((env.DATABASE_URL ?? 'sqlite:').startsWith('sqlite:')) return 1;
  const raw = env.API_WORKERS;
  if (raw === undefined || raw === '') return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    console.error(`API_WORKERS must be an integer from 1 to 256 (got ${raw})`);
    process.exit(EX_CONFIG);
  }
  return n;
}

if (cluster.isPrimary) {
  const count = workerCount(process.env);
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./main.js', import.meta.url)) });
  let stopping = false;
  let listening = 0;

  const fork = () => {
    const worker = cluster.fork();
    const startedAt = Date.now();
    worker.once('listening', () => {
      listening++;
      if (listening === 1) for (let i = 1; i < count; i++) fork();
      if (listening === count) console.log(`GuideShare API: ${count} worker${count > 1 ? 's' : ''} listening`);
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (code === EX_CONFIG || Date.now() - startedAt < 2_000) {
        console.error(`API worker ${worker.process.pid} failed at start (${signal ?? code}); stopping`);
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill();
        process.exitCode = code ?? 1;
        return;
      }
      console.error(`API worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      listening--;
      fork();
    });
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill(signal);
    });
  fork();
}
