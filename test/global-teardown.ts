/** Stops what test/global-setup.ts started (and app processes the tests restarted through helpers/processes.ts). */
import { existsSync, rmSync } from 'node:fs';
import { getHandles, setHandles } from './global-setup';
import { pidAlive, stopPid } from './helpers/processes';
import { readState, stateFile } from './helpers/state';

export default async function globalTeardown(): Promise<void> {
  const handles = getHandles();
  if (!handles) {
    return;
  }
  await handles.apps?.stop('SIGTERM');

  // Processes started by the tests themselves (restartApp) are known only by pid.
  if (existsSync(stateFile())) {
    const own = new Set(handles.apps?.procs.map((p) => p.pid));
    const strays = readState().procs.filter((p) => !own.has(p.pid) && pidAlive(p.pid));
    await Promise.all(strays.map((p) => stopPid(p.pid, 'SIGTERM')));
  }

  await handles.redis?.stop();
  await handles.mongo?.stop();
  setHandles(undefined);

  if (process.env.E2E_KEEP_LOGS) {
    process.stderr.write(`[e2e] logs kept in ${handles.tmpDir}\n`);
  } else {
    rmSync(handles.tmpDir, { recursive: true, force: true });
    rmSync(stateFile(), { force: true });
  }
}
