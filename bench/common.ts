/** Helpers both benchmarks use (bench/run.ts, bench/transport.ts). */
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../scripts/infra';

export function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Formats like the repository's Prettier config (so `npm run format` leaves the file alone); as is without it. */
export async function formatJson(file: string, text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, parser: 'json' });
  } catch {
    return text;
  }
}

export function gitRevision(): string | undefined {
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot(), encoding: 'utf8' });
  if (rev.status !== 0) {
    return undefined;
  }
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: repoRoot(), encoding: 'utf8' });
  return `${rev.stdout.trim()}${dirty.stdout.trim() ? ' (dirty)' : ''}`;
}
