/**
 * Per-process control of the apps started by test/global-setup.ts. The harness's handles live in jest's parent
 * context, so the tests address the processes by the pids in the state file.
 *
 *   await killApp('chat', 0, 'SIGKILL');   // resolves once the process is gone
 *   await restartApp('chat', 0);           // same ports and log file, resolves once /health/ready is 200
 *
 * A process started by restartApp is a child of the test process; its pid is written back to the state file, so
 * later calls and test/global-teardown.ts find it.
 */
import { App, sleep, spawnApp, waitAppReady } from '../../scripts/infra';
import { E2EProcState, readState, writeState } from './state';

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves true when the pid has gone within `timeoutMs`. */
export async function waitPidExit(pid: number, timeoutMs = 15000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pidAlive(pid)) {
    if (Date.now() > deadline) {
      return false;
    }
    await sleep(50);
  }
  return true;
}

/** `signal`, wait for the exit, SIGKILL after `timeoutMs`. */
export async function stopPid(pid: number, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15000): Promise<void> {
  if (!pidAlive(pid)) {
    return;
  }
  process.kill(pid, signal);
  if (!(await waitPidExit(pid, timeoutMs))) {
    process.kill(pid, 'SIGKILL');
    await waitPidExit(pid, 5000);
  }
}

/** The app processes as the state file knows them. */
export function appProcs(app?: App): E2EProcState[] {
  return readState().procs.filter((p) => app === undefined || p.app === app);
}

export function appProc(app: App, index = 0): E2EProcState {
  const proc = readState().procs.find((p) => p.app === app && p.index === index);
  if (!proc) {
    throw new Error(`no e2e process ${app}-${index}`);
  }
  return proc;
}

/**
 * Sends `signal` to one app process. For SIGTERM / SIGINT / SIGKILL it resolves once the process has exited
 * (fails after `timeoutMs`); for other signals (SIGSTOP, SIGCONT, ...) right after sending.
 */
export async function killApp(
  app: App,
  index = 0,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 20000,
): Promise<void> {
  const { pid } = appProc(app, index);
  if (!pidAlive(pid)) {
    return;
  }
  process.kill(pid, signal);
  if (signal === 'SIGTERM' || signal === 'SIGINT' || signal === 'SIGKILL') {
    if (!(await waitPidExit(pid, timeoutMs))) {
      throw new Error(`${app}-${index} (pid ${pid}) still runs ${timeoutMs} ms after ${signal}`);
    }
  }
}

/** Stops the process if it still runs, starts it again with the same environment and ports, waits until ready. */
export async function restartApp(app: App, index = 0, readyTimeoutMs = 60000): Promise<E2EProcState> {
  const state = readState();
  const old = state.procs.find((p) => p.app === app && p.index === index);
  if (!old) {
    throw new Error(`no e2e process ${app}-${index}`);
  }
  await stopPid(old.pid, 'SIGTERM');

  const perProcess = app === 'gateway' ? { PORT: String(old.port) } : { HEALTH_PORT: String(old.healthPort) };
  const proc = spawnApp({
    app,
    index,
    env: { ...process.env, ...state.appEnv, ...perProcess },
    healthPort: old.healthPort,
    port: old.port,
    logFile: old.logFile,
  });
  proc.child.unref(); // do not keep the test process alive; teardown stops it by pid
  await waitAppReady(proc, readyTimeoutMs);

  const fresh = readState();
  const updated: E2EProcState = { ...old, pid: proc.pid };
  fresh.procs = fresh.procs.map((p) => (p.app === app && p.index === index ? updated : p));
  writeState(fresh);
  return updated;
}
