import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The commit the running code was built from, as Rocket.Chat's `Info.commit` describes it. */
export interface CommitInfo {
  hash?: string;
  date?: string;
  author?: string;
  subject?: string;
  tag?: string;
  branch?: string;
}

async function git(args: string[], cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 2000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read once at start from the checkout the code runs from (`git`); an image built without one (no `.git`, no
 * git) reports no commit fields.
 */
export async function readCommitInfo(cwd: string): Promise<CommitInfo> {
  const log = await git(['log', '-1', '--format=%H%n%cI%n%an%n%s'], cwd);
  if (!log) {
    return {};
  }
  const [hash, date, author, ...subject] = log.split('\n');
  const [tag, branch] = await Promise.all([
    git(['describe', '--tags', '--exact-match'], cwd),
    git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd),
  ]);
  return {
    hash,
    date,
    author,
    subject: subject.join('\n'),
    ...(tag ? { tag } : {}),
    ...(branch && branch !== 'HEAD' ? { branch } : {}),
  };
}

/** When the running code was built: the modification time of the started script. */
export function buildDate(script = process.argv[1]): string {
  try {
    return statSync(script).mtime.toISOString();
  } catch {
    return new Date().toISOString();
  }
}
