/**
 * Where a process spent its CPU: reads the `.cpuprofile` files `node --cpu-prof` wrote and adds up the self time
 * of every sample by where its function lives (our apps and libs by folder, each npm package, Node's own modules,
 * garbage collection), and by function. Used by `bench/run.ts` with `BENCH_PROFILE=gateway`, or alone:
 *   node dist/bench/profile-summary.js <dir or .cpuprofile> [more...]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** profiled CPU time, ms (idle excluded) */
  totalMs: number;
  /** share of the profiled time by where the code lives, largest first */
  byPlace: { place: string; pct: number; ms: number }[];
  /** the functions with the most self time */
  byFunction: { fn: string; place: string; pct: number; ms: number }[];
}

/** `node_modules/@nestjs/core/...` → `@nestjs/core`; `dist/libs/transport/...` → `ours: libs/transport`. */
export function placeOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') {
      return 'GC';
    }
    return functionName.startsWith('(') ? functionName : 'native';
  }
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:') || !url.includes('/')) {
    return `node: ${url.replace(/^node:/, '').split('/')[0]}`;
  }
  const ours = /\/(apps\/[^/]+\/src\/[^/]+|libs\/[^/]+|bench|scripts)\//.exec(url);
  return ours ? `ours: ${ours[1].replace(/\/src\//, '/')}` : url;
}

function profilesIn(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => join(p, f))
      : [p],
  );
}

/**
 * `windowMs`: only the last that many ms of each profile (the measured load, not the start-up before it).
 */
export function summarize(paths: string[], top = 25, windowMs?: number): ProfileSummary {
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, { place: string; us: number }>();
  let total = 0;
  for (const file of profilesIn(paths)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const from = windowMs === undefined ? -Infinity : profile.endTime - windowMs * 1000;
    let at = profile.startTime;
    for (let i = 0; i < samples.length; i++) {
      at += deltas[i] ?? 0;
      const node = nodes.get(samples[i]);
      // a sample's time is the delta to the next sample
      const us = deltas[i + 1] ?? 0;
      if (!node || node.callFrame.functionName === '(idle)' || us <= 0 || at < from) {
        continue;
      }
      const place = placeOf(node.callFrame.url, node.callFrame.functionName);
      total += us;
      byPlace.set(place, (byPlace.get(place) ?? 0) + us);
      const fn = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`;
      const entry = byFunction.get(fn) ?? { place, us: 0 };
      entry.us += us;
      byFunction.set(fn, entry);
    }
  }
  const pct = (us: number) => Math.round((1000 * us) / Math.max(total, 1)) / 10;
  return {
    totalMs: Math.round(total / 1000),
    byPlace: [...byPlace]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([place, us]) => ({ place, pct: pct(us), ms: Math.round(us / 1000) })),
    byFunction: [...byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([fn, { place, us }]) => ({ fn, place, pct: pct(us), ms: Math.round(us / 1000) })),
  };
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const lines = [`${title}: ${s.totalMs} ms of CPU profiled`, '', 'by place:'];
  for (const p of s.byPlace) {
    lines.push(`  ${p.pct.toFixed(1).padStart(5)} %  ${p.place}`);
  }
  lines.push('', 'by function (self time):');
  for (const f of s.byFunction) {
    lines.push(`  ${f.pct.toFixed(1).padStart(5)} %  ${f.fn}  [${f.place}]`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (!args.length) {
    process.stderr.write('usage: profile-summary.js <dir or .cpuprofile> [more...]\n');
    process.exit(2);
  }
  const windowMs = process.env.PROFILE_WINDOW_MS ? Number(process.env.PROFILE_WINDOW_MS) : undefined;
  process.stdout.write(`${formatSummary(args.join(' '), summarize(args, 40, windowMs))}\n`);
}
