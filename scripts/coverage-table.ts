/**
 * Endpoint coverage table for the README, built from `docs/endpoints.tsv` (one row per endpoint row of the seed
 * `rest-api-endpoints`, columns `group, path, description, method, status, issue`; status is `done` or `not yet`).
 *
 * Usage (after `npm run build`):
 *   node dist/scripts/coverage-table.js                    print the Markdown section to stdout
 *   node dist/scripts/coverage-table.js --write README.md  replace the text between
 *                                                          `<!-- coverage:start -->` and `<!-- coverage:end -->`
 *   --tsv <file>                                           read another TSV (default: docs/endpoints.tsv)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const START_MARKER = '<!-- coverage:start -->';
export const END_MARKER = '<!-- coverage:end -->';
const COLUMNS = ['group', 'path', 'description', 'method', 'status', 'issue'] as const;
const STATUSES = ['done', 'not yet'] as const;

export type Status = (typeof STATUSES)[number];

export interface EndpointRow {
  group: string;
  path: string;
  description: string;
  method: string;
  status: Status;
  issue: string;
}

export function parseTsv(text: string, source = 'endpoints.tsv'): EndpointRow[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') {
    lines.pop();
  }
  const header = (lines.shift() ?? '').split('\t');
  if (header.join('\t') !== COLUMNS.join('\t')) {
    throw new Error(`${source}: header must be "${COLUMNS.join('\\t')}", got "${header.join('\\t')}"`);
  }
  return lines.map((line, index) => {
    const where = `${source}:${index + 2}`;
    const cells = line.split('\t');
    if (cells.length < COLUMNS.length - 1 || cells.length > COLUMNS.length) {
      throw new Error(`${where}: expected ${COLUMNS.length} tab-separated columns, got ${cells.length}`);
    }
    const [group, path, description, method, status, issue = ''] = cells.map((cell) => cell.trim());
    if (!group || !path) {
      throw new Error(`${where}: group and path are required`);
    }
    if (!(STATUSES as readonly string[]).includes(status)) {
      throw new Error(`${where}: status must be "done" or "not yet", got "${status}"`);
    }
    return { group, path, description, method, status: status as Status, issue };
  });
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

export function renderSection(rows: readonly EndpointRow[]): string {
  const done = rows.filter((row) => row.status === 'done').length;
  // Rows that share path and method (the four `/api/v1/login` variants) are told apart by their description.
  const seen = new Map<string, number>();
  for (const row of rows) {
    seen.set(`${row.path} ${row.method}`, (seen.get(`${row.path} ${row.method}`) ?? 0) + 1);
  }
  const lines = [
    `${done} of ${rows.length} done`,
    '',
    '| Group | Endpoint | Method | Status |',
    '|---|---|---|---|',
    ...rows.map((row) => {
      const duplicate = (seen.get(`${row.path} ${row.method}`) ?? 0) > 1;
      const endpoint = `\`${row.path}\`${duplicate ? ` (${cell(row.description)})` : ''}`;
      const status = row.status === 'done' ? '✅ done' : '— not yet';
      const issue = row.issue ? ` (${cell(row.issue)})` : '';
      return `| ${cell(row.group)} | ${endpoint} | ${cell(row.method)} | ${status}${issue} |`;
    }),
  ];
  return lines.join('\n');
}

export function replaceBetweenMarkers(document: string, section: string, source = 'file'): string {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start < 0 || end < 0) {
    const missing = [start < 0 ? START_MARKER : '', end < 0 ? END_MARKER : ''].filter(Boolean).join(' and ');
    throw new Error(`${source}: marker ${missing} not found`);
  }
  if (end < start) {
    throw new Error(`${source}: ${END_MARKER} comes before ${START_MARKER}`);
  }
  return `${document.slice(0, start + START_MARKER.length)}\n${section}\n${document.slice(end)}`;
}

function findDefaultTsv(): string {
  const relative = join('docs', 'endpoints.tsv');
  const fromCwd = resolve(relative);
  if (existsSync(fromCwd)) {
    return fromCwd;
  }
  // Compiled to dist/scripts/: walk up to the repository root.
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, relative))) {
      return join(dir, relative);
    }
    if (dirname(dir) === dir) {
      return fromCwd;
    }
  }
}

interface Options {
  tsv: string;
  write?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { tsv: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--write' || arg === '--tsv') && (value === undefined || value.startsWith('--'))) {
      throw new Error(`${arg} needs a file name`);
    }
    if (arg === '--write') {
      options.write = value;
    } else if (arg === '--tsv') {
      options.tsv = value;
    } else {
      throw new Error(`unknown argument "${arg}" (usage: coverage-table [--tsv <file>] [--write <README.md>])`);
    }
    i++;
  }
  options.tsv = options.tsv ? resolve(options.tsv) : findDefaultTsv();
  return options;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const rows = parseTsv(readFileSync(options.tsv, 'utf8'), options.tsv);
  const section = renderSection(rows);
  if (!options.write) {
    process.stdout.write(`${section}\n`);
    return;
  }
  const target = resolve(options.write);
  const updated = replaceBetweenMarkers(readFileSync(target, 'utf8'), section, options.write);
  writeFileSync(target, updated);
  const done = rows.filter((row) => row.status === 'done').length;
  process.stdout.write(`${options.write}: coverage table updated (${done} of ${rows.length} done)\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`coverage-table: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
