// Runs the compiled API (api/dist/main.js, unchanged) and adds only an IPC channel through which the
// bench can start/stop a V8 CPU profile of the API around one measurement (`pnpm bench --profile`).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Diagnostics only (`--profile`): count the SQL statements the API sends, by kind and table.
const counts = new Map();
if (process.env.BENCH_COUNT_QUERIES) {
  const mysql2 = createRequire(join(dirname(process.env.BENCH_API_MAIN), '../package.json'))('mysql2');
  const original = mysql2.Connection.prototype.query;
  mysql2.Connection.prototype.query = function (sql, ...rest) {
    const text = typeof sql === 'string' ? sql : (sql?.sql ?? '');
    const m = /^\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[\s\S]*?(?:FROM|INTO|UPDATE)?\s*`(\w+)`/i.exec(text);
    const key = m ? `${m[1].toUpperCase()} ${m[2]}` : text.trim().split(/\s+/).slice(0, 3).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return original.call(this, sql, ...rest);
  };
}

let session;
process.on('message', async (m) => {
  try {
    if (m?.cmd === 'queries') {
      const snapshot = Object.fromEntries(counts);
      counts.clear();
      process.send({ id: m.id, file: snapshot });
      return;
    }
    if (m?.cmd === 'profile-start') {
      if (!session) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 250 });
      }
      await session.post('Profiler.start');
      process.send({ id: m.id, ok: true });
    } else if (m?.cmd === 'profile-stop') {
      const { profile } = await session.post('Profiler.stop');
      const file = join(process.env.BENCH_PROFILE_DIR ?? '.', `${m.label}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      process.send({ id: m.id, file });
    }
  } catch (e) {
    process.send({ id: m?.id, error: e instanceof Error ? e.message : String(e) });
  }
});
// Never outlive the bench.
process.on('disconnect', () => process.exit(0));

await import(pathToFileURL(process.env.BENCH_API_MAIN).href);
