/**
 * CPU accounting for the benchmark, from /proc (Linux only; elsewhere every function returns undefined and the
 * bench simply prints no CPU table). Shows where the CPU of a scenario went: per process group of ours, and how much
 * the rest of the machine (other people's builds and tests) used meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const n = Number(out.stdout?.trim());
    ticksPerSecond = Number.isFinite(n) && n > 0 ? n : 100;
  }
  return ticksPerSecond;
}

/** utime + stime from a `stat` file of /proc, in seconds; undefined when unreadable (gone, not Linux). */
function statCpuSeconds(file: string): number | undefined {
  try {
    const stat = readFileSync(file, 'utf8');
    // Field 2 (comm) is in parentheses and may hold spaces: count fields after the last ')'. Field 3 is at index 0.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / clockTicks();
  } catch {
    return undefined;
  }
}

/** utime + stime of a process (all its threads), in seconds; undefined when unreadable (gone, not Linux). */
export function processCpuSeconds(pid: number | 'self'): number | undefined {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/**
 * utime + stime of a process's main thread (the event loop) alone, in seconds. The rest of the process's CPU is
 * its helper threads: V8's optimising compiler and GC helpers, libuv's pool.
 */
export function mainThreadCpuSeconds(pid: number | 'self'): number | undefined {
  const tid = pid === 'self' ? process.pid : pid;
  return statCpuSeconds(`/proc/${pid}/task/${tid}/stat`);
}

/**
 * Context switches of a process's main thread (the event loop), voluntary + involuntary: how often it was put to
 * sleep or preempted. Per request, it shows how many wake-ups the work took. Undefined when unreadable.
 */
export function mainThreadSwitches(pid: number | 'self'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const count = (name: string): number => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return count('voluntary_ctxt_switches') + count('nonvoluntary_ctxt_switches');
  } catch {
    return undefined;
  }
}

/** A thread's name without its number: `GC Thread#3` → `GC Thread`, `pool-2-thread-1` → `pool-2-thread`. */
export function threadKind(comm: string): string {
  return comm.replace(/[#-]?\d+$/, '') || comm;
}

/**
 * utime + stime of a process's threads by kind, in seconds: the thread's name with its number left out, e.g. a JVM's
 * `GC Thread#`, `C2 CompilerThre` (names are cut at 15 characters) or `nioEventLoopGro`. Node names every thread
 * `node`, so this tells only other runtimes' threads apart. Empty when unreadable.
 */
export function threadCpuByKind(pid: number | 'self'): Record<string, number> {
  const out: Record<string, number> = {};
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    } catch {
      continue; // the thread has ended
    }
    const sec = statCpuSeconds(`/proc/${pid}/task/${tid}/stat`);
    if (sec !== undefined) {
      const kind = threadKind(comm);
      out[kind] = (out[kind] ?? 0) + sec;
    }
  }
  return out;
}

/** Machine-wide busy and idle CPU seconds (all CPUs summed) since boot. */
export function systemCpuSeconds(): { busy: number; idle: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [, ...fields] = line.trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user/nice)
    const v = fields.map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const busy = v[0] + v[1] + v[2] + (v[5] ?? 0) + (v[6] ?? 0) + (v[7] ?? 0);
    return { busy: busy / clockTicks(), idle: idle / clockTicks() };
  } catch {
    return undefined;
  }
}

export interface CpuSnapshot {
  groups: Record<string, number>;
  /** CPU seconds of the group's main threads */
  main: Record<string, number>;
  /** context switches of the group's main threads */
  switches: Record<string, number>;
  /** CPU seconds by thread kind, for the groups asked for (see `threadCpuByKind`) */
  threads: Record<string, Record<string, number>>;
  system?: { busy: number; idle: number };
}

/**
 * `groups`: group name → pids (or 'self'); a pid that cannot be read counts 0. `byThreadKind`: the groups whose
 * threads are also added up by kind.
 */
export function snapshot(groups: Record<string, (number | 'self')[]>, byThreadKind: string[] = []): CpuSnapshot {
  const out: Record<string, number> = {};
  const main: Record<string, number> = {};
  const switches: Record<string, number> = {};
  const threads: Record<string, Record<string, number>> = {};
  for (const [name, pids] of Object.entries(groups)) {
    out[name] = pids.reduce<number>((sum, pid) => sum + (processCpuSeconds(pid) ?? 0), 0);
    main[name] = pids.reduce<number>((sum, pid) => sum + (mainThreadCpuSeconds(pid) ?? 0), 0);
    switches[name] = pids.reduce<number>((sum, pid) => sum + (mainThreadSwitches(pid) ?? 0), 0);
    if (byThreadKind.includes(name)) {
      const kinds: Record<string, number> = {};
      for (const pid of pids) {
        for (const [kind, sec] of Object.entries(threadCpuByKind(pid))) {
          kinds[kind] = (kinds[kind] ?? 0) + sec;
        }
      }
      threads[name] = kinds;
    }
  }
  return { groups: out, main, switches, threads, system: systemCpuSeconds() };
}

export interface CpuUsage {
  /** CPU seconds per group during the interval. */
  seconds: Record<string, number>;
  /** CPU seconds per group's main threads during the interval (the rest went to helper threads) */
  mainSeconds: Record<string, number>;
  /** context switches of the group's main threads during the interval */
  switches: Record<string, number>;
  /** CPU seconds by thread kind during the interval, for the groups the snapshots split so */
  threadSeconds: Record<string, Record<string, number>>;
  /** CPU seconds used by processes that are none of ours (includes the kernel's own work for us, e.g. loopback). */
  otherSeconds?: number;
  /** Share of the machine's CPU capacity that was busy, 0..100. */
  machineBusyPct?: number;
}

export function diff(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
  const seconds: Record<string, number> = {};
  const mainSeconds: Record<string, number> = {};
  const switches: Record<string, number> = {};
  const threadSeconds: Record<string, Record<string, number>> = {};
  for (const [name, kinds] of Object.entries(after.threads)) {
    threadSeconds[name] = {};
    for (const [kind, sec] of Object.entries(kinds)) {
      threadSeconds[name][kind] = Math.max(0, sec - (before.threads[name]?.[kind] ?? 0));
    }
  }
  let ours = 0;
  for (const name of Object.keys(after.groups)) {
    seconds[name] = Math.max(0, after.groups[name] - (before.groups[name] ?? 0));
    mainSeconds[name] = Math.min(seconds[name], Math.max(0, after.main[name] - (before.main[name] ?? 0)));
    switches[name] = Math.max(0, after.switches[name] - (before.switches[name] ?? 0));
    ours += seconds[name];
  }
  if (!before.system || !after.system) {
    return { seconds, mainSeconds, switches, threadSeconds };
  }
  const busy = after.system.busy - before.system.busy;
  const idle = after.system.idle - before.system.idle;
  return {
    seconds,
    mainSeconds,
    switches,
    threadSeconds,
    otherSeconds: Math.max(0, busy - ours),
    machineBusyPct: busy + idle > 0 ? (100 * busy) / (busy + idle) : undefined,
  };
}
