// CPU and memory accounting from /proc: who used how much CPU during a measurement, peak RSS.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const TICKS = 100; // CLK_TCK on Linux
function procCpuSeconds(pid) {
  if (Array.isArray(pid)) {
    const each = pid.map(procCpuSeconds);
    return each.includes(null) ? null : each.reduce((a, b) => a + b, 0);
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
  } catch {
    return null;
  }
}

let mariadbPid;
export function findMariadbPid() {
  if (mariadbPid !== undefined) return mariadbPid;
  mariadbPid = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') {
        mariadbPid = Number(entry);
        break;
      }
    } catch {
      /* gone */
    }
  }
  return mariadbPid;
}

function machineCpu() {
  const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { idle: idle / TICKS, total: total / TICKS };
}

/**
 * CPU used by each party during a measurement, in cores (CPU-seconds per wall second): the API (or
 * bare server), MariaDB, and this process (load generator + WeChat simulator + raw baselines).
 */
export function cpuMeter(pids) {
  const start = {
    at: process.hrtime.bigint(),
    self: process.cpuUsage(),
    machine: machineCpu(),
    procs: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, procCpuSeconds(pid)])),
  };
  return () => {
    const wall = Number(process.hrtime.bigint() - start.at) / 1e9;
    const self = process.cpuUsage(start.self);
    const machine = machineCpu();
    const out = { bench: round((self.user + self.system) / 1e6 / wall, 2) };
    for (const [k, pid] of Object.entries(pids)) {
      const now = procCpuSeconds(pid);
      out[k] = now === null || start.procs[k] === null ? null : round((now - start.procs[k]) / wall, 2);
    }
    const busy = machine.total - start.machine.total - (machine.idle - start.machine.idle);
    out.machineBusy = round(busy / (machine.total - start.machine.total), 2);
    // CPU the machine spent on anything not ours (other users' processes, kernel threads).
    const cpusN = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .filter((l) => /^cpu\d/.test(l)).length;
    out.others = round(Math.max(0, out.machineBusy * cpusN - out.bench - (out.server ?? 0) - (out.mariadb ?? 0)), 2);
    return out;
  };
}

function statusKb(pid, field) {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : null;
}

/** Peak RSS of a child during `work`: the kernel's high-water mark, reset first, plus our own sampling. */
export async function peakRss(pid, work) {
  let resetOk = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    resetOk = false;
  }
  const before = statusKb(pid, 'VmRSS');
  let sampled = before;
  const timer = setInterval(() => {
    try {
      sampled = Math.max(sampled, statusKb(pid, 'VmRSS'));
    } catch {
      /* exited */
    }
  }, 20);
  try {
    const result = await work();
    const hwm = statusKb(pid, 'VmHWM');
    return {
      result,
      rssBeforeMb: mb(before),
      peakRssMb: mb(resetOk ? Math.max(hwm, sampled) : sampled),
      peakSource: resetOk ? 'VmHWM (reset) + 20 ms samples' : '20 ms samples',
    };
  } finally {
    clearInterval(timer);
  }
}

export const rssMb = (pid) => mb(statusKb(pid, 'VmRSS'));
const mb = (kb) => (kb === null ? null : Math.round((kb / 1024) * 10) / 10);
export const round = (x, d = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d;

/** CPU time (ms) of a process, all threads, from /proc/PID/task/TID/schedstat (ns precision). */
export function cpuMsPrecise(pid) {
  if (Array.isArray(pid)) return pid.reduce((a, p) => a + cpuMsPrecise(p), 0);
  let ns = 0;
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* thread gone */
    }
  }
  return ns / 1e6;
}
