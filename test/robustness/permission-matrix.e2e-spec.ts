/**
 * Permission matrix: every route of the gateway (its route table) × every kind of caller (anonymous, a plain
 * user, a bot, a guest, a room owner, a room moderator, an admin, a user whose only role is a custom role with
 * one permission) → the outcome the data files in matrix/ declare (allowed, 401, 403, or Rocket.Chat's 400
 * with its errorType). A route without an entry fails the suite. Each request is a valid one for an allowed
 * caller, built from the route's declared parameters and the suite's own users, rooms (a public channel, a
 * private group, a direct message, a discussion), messages and invite; requests that change or remove what they
 * act on get new objects for each caller. Routes are walked a few at a time (the callers of one route in turn).
 */
import { readdirSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import {
  CALLERS,
  Caller,
  FreshFixtures,
  FreshRoomOptions,
  MatrixEntry,
  MatrixFile,
  MatrixFixtures,
  MatrixMessage,
  Outcome,
} from './matrix/matrix';
import { baseline, Dictionary, paramSets, vocabulary } from './support/params';
import { call, closeConnections, pool, sendRaw } from './support/http';
import { fillPath, namespaceOf, RouteInfo, routeKey, ROUTES } from './support/routes';
import {
  benchmarkIp,
  createRole,
  createRoom,
  createSession,
  gateway,
  grantPermission,
  loginAs,
  postMessage,
  Role,
  Room,
  Session,
  setUp,
  sharedAdminHeaders,
  uniqueName,
} from './support/fixtures';

jest.setTimeout(300_000);

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The custom role's one permission. */
const CUSTOM_PERMISSION = 'create-user';

/** Routes walked at the same time (each route's callers in turn; entries that change things use fresh objects). */
const CONCURRENCY = 4;

async function loadMatrix(): Promise<Map<string, MatrixFile>> {
  const dir = join(__dirname, 'matrix');
  const files = new Map<string, MatrixFile>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.matrix.ts'))) {
    const mod = (await import(join(dir, file))) as { default: MatrixFile };
    files.set(file.replace(/\.matrix\.ts$/, ''), mod.default);
  }
  return files;
}

/** The fixtures' ids and names as an error text names them in the matrix (`<rid>`, `<room>`, `<mid>`). */
const labels = new Map<string, string>();

function label(value: string, as: string): void {
  labels.set(value, as);
}

/** What came back, in the matrix's words. */
function outcomeOf(status: number, body: Record<string, unknown>): string {
  if (status >= 200 && status < 400) {
    return 'ok';
  }
  if (status === 400) {
    if (typeof body.errorType === 'string') {
      return `400 ${body.errorType}`;
    }
    let text = JSON.stringify(body.error);
    for (const [value, as] of [...labels].sort((a, b) => b[0].length - a[0].length)) {
      text = text.split(value).join(as);
    }
    return `400 ${text}`;
  }
  return String(status);
}

describe('permission matrix', () => {
  const base = gateway();
  const vocab = vocabulary(ROUTES);
  const callers = {} as Record<Exclude<Caller, 'anonymous'>, Session>;
  let room: Room;
  let group: Room;
  let dm: Room;
  let message: MatrixMessage;
  let groupMessage: MatrixMessage;
  let discussion: Room;
  let invite: string;
  let customRole: Role;
  let sharedTarget: Session;
  let images: Server;
  let imageUrl: string;
  let customPermissionRoles: string[];
  let viewStatisticsRoles: string[];
  let matrix: Map<string, MatrixFile>;
  let requestNo = 0;
  const since = new Date(Date.now() - 3_600_000).toISOString();

  /** A room like `room` / `group`: owned by `owner`, with `moderator` as its moderator. */
  async function newRoom(t: 'c' | 'p', options: FreshRoomOptions = {}): Promise<Room> {
    const ns = t === 'c' ? 'channels' : 'groups';
    const made = await createRoom(t, callers.owner.headers, [callers.moderator.username, ...(options.members ?? [])]);
    label(made._id, '<rid>');
    label(made.name, '<room>');
    await setUp(callers.owner.headers, 'POST', `/api/v1/${ns}.addModerator`, {
      roomId: made._id,
      userId: callers.moderator._id,
    });
    if (options.archived) {
      await setUp(callers.owner.headers, 'POST', `/api/v1/${ns}.archive`, { roomId: made._id });
    }
    return made;
  }

  async function newMessage(rid: string, text = 'matrix', tmid?: string): Promise<MatrixMessage> {
    const _id = await postMessage(callers.owner.headers, rid, text, tmid);
    label(_id, '<mid>');
    return { _id, rid };
  }

  async function newInvite(rid: string): Promise<string> {
    const made = await setUp(callers.owner.headers, 'POST', '/api/v1/findOrCreateInvite', { rid, days: 0, maxUses: 0 });
    return made._id as string;
  }

  const fresh: FreshFixtures = {
    channel: (options) => newRoom('c', options),
    group: (options) => newRoom('p', options),
    dm: async () => {
      const third = await createSession('matrix-third', ['user'], base, undefined, false);
      const made = await setUp(callers.owner.headers, 'POST', '/api/v1/im.create', {
        usernames: `${callers.moderator.username},${third.username}`,
      });
      const _id = (made.room as { _id: string })._id;
      label(_id, '<rid>');
      return { _id, name: '' };
    },
    message: (rid) => newMessage(rid ?? room._id),
    invite: async (rid) => newInvite(rid ?? (await newRoom('c'))._id),
  };

  beforeAll(async () => {
    matrix = await loadMatrix();
    images = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG));
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    const address = images.address();
    imageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/avatar.png`;

    customRole = await createRole('matrix-custom');
    customPermissionRoles = await grantPermission(CUSTOM_PERMISSION, [customRole._id]);
    const admin = await sharedAdminHeaders();
    const list = await call(base, 'GET', '/api/v1/permissions.listAll', admin);
    viewStatisticsRoles = (list.body.update as { _id: string; roles: string[] }[]).find(
      (p) => p._id === 'view-statistics',
    )!.roles;

    callers.user = await createSession('matrix-user');
    callers.bot = await createSession('matrix-bot', ['bot']);
    callers.guest = await createSession('matrix-guest', ['guest']);
    callers.owner = await createSession('matrix-owner');
    callers.moderator = await createSession('matrix-moderator');
    callers.admin = await createSession('matrix-admin', ['admin']);
    callers.custom = await createSession('matrix-custom', [customRole._id]);
    room = await newRoom('c');
    group = await newRoom('p');
    const direct = await setUp(callers.owner.headers, 'POST', '/api/v1/im.create', {
      username: callers.moderator.username,
    });
    dm = { _id: (direct.room as { _id: string })._id, name: '' };
    label(dm._id, '<rid>');
    message = await newMessage(room._id);
    await postMessage(callers.moderator.headers, room._id, 'matrix reply', message._id);
    groupMessage = await newMessage(group._id);
    await postMessage(callers.owner.headers, dm._id, 'matrix');
    const started = await setUp(callers.owner.headers, 'POST', '/api/v1/rooms.createDiscussion', {
      prid: room._id,
      t_name: uniqueName('matrix-discussion'),
    });
    const made = started.discussion as { _id: string; name: string };
    discussion = { _id: made._id, name: made.name };
    label(discussion._id, '<rid>');
    invite = await newInvite(room._id);
    sharedTarget = await createSession('matrix-target', ['user'], base, undefined, false);
  }, 120_000);

  afterAll(async () => {
    await call(base, 'POST', '/api/v1/permissions.update', await sharedAdminHeaders(), {
      permissions: [{ _id: CUSTOM_PERMISSION, roles: customPermissionRoles }],
    });
    await new Promise((resolve) => images.close(resolve));
    closeConnections();
  });

  /** The default request: required parameters, and the user/room a route names, from the fixtures. */
  function defaultParams(route: RouteInfo, f: MatrixFixtures): Record<string, unknown> {
    const values: Dictionary = (name, p) => {
      switch (name) {
        case 'userId':
          return f.target._id;
        case 'username':
        case 'user':
          return p.required ? f.unique('matrix') : f.target.username;
        case 'roomId':
          return /^\/api\/v1\/groups\./.test(route.path)
            ? f.group._id
            : /^\/api\/v1\/(im|dm)\./.test(route.path)
              ? f.dm._id
              : f.room._id;
        case 'rid':
        case 'prid':
          return f.room._id;
        case 'msgId':
        case 'messageId':
        case 'mid':
        case 'tmid':
          return f.message._id;
        case 'token':
          return f.invite;
        case 'since':
        case 'lastUpdate':
        case 'updatedSince':
          return f.since;
        case 'name':
          return f.unique('matrix');
        case 'email':
          return `${f.unique('matrix')}@robustness.test`;
        case 'password':
        case 'pass':
          return 'Matrix-pass-1';
        case 'text':
          return 'matrix';
        case 'tokenName':
          return f.unique('matrix-token');
        case 'daysIdle':
          return 36500;
        case 'role':
          return f.customRole.name;
        case 'activeStatus':
          return true;
        case 'avatarUrl':
          return f.imageUrl;
        default:
          return undefined;
      }
    };
    const out: Record<string, unknown> = {};
    for (const set of paramSets(route, vocab).filter((s) => !s.open)) {
      Object.assign(out, baseline(set, values));
      break;
    }
    for (const name of route.path.match(/:(\w+)/g) ?? []) {
      out[name.slice(1)] = f.target.username;
    }
    return out;
  }

  async function cell(route: RouteInfo, entry: MatrixEntry, caller: Caller): Promise<string> {
    const tasks: (() => Promise<unknown>)[] = [];
    try {
      return await ask(route, entry, caller, tasks);
    } finally {
      for (const task of tasks) {
        await task();
      }
    }
  }

  async function ask(
    route: RouteInfo,
    entry: MatrixEntry,
    caller: Caller,
    tasks: (() => Promise<unknown>)[],
  ): Promise<string> {
    const session = caller === 'anonymous' ? undefined : callers[caller];
    const target = entry.freshTarget
      ? await createSession('matrix-target', ['user'], base, undefined, false)
      : sharedTarget;
    const headers: Record<string, string> = { 'X-Forwarded-For': benchmarkIp(40000 + requestNo++) };
    if (session) {
      Object.assign(headers, entry.freshSession ? await loginAs(session.username, session.password) : session.headers);
    }
    const f: MatrixFixtures = {
      target,
      room,
      group,
      dm,
      message,
      groupMessage,
      discussion,
      invite,
      members: { owner: callers.owner, moderator: callers.moderator },
      customRole,
      caller: session,
      imageUrl,
      viewStatisticsRoles,
      unique: uniqueName,
      since,
      fresh,
      asCaller: async (method, path, body) => {
        const res = await call(base, method, path, headers, body);
        return { status: res.status, body: res.body };
      },
      asOwner: (method, path, body) => setUp(callers.owner.headers, method, path, body),
      afterwards: (task) => tasks.push(task),
    };
    const params = entry.params ? await entry.params(f) : defaultParams(route, f);
    const pathNames = new Set((route.path.match(/:(\w+)/g) ?? []).map((n) => n.slice(1)));
    const path = fillPath(route, Object.fromEntries([...pathNames].map((n) => [n, String(params[n])])));
    const rest = Object.fromEntries(Object.entries(params).filter(([k]) => !pathNames.has(k)));
    let outcome: string;
    if (route.method === 'GET') {
      const qs = new URLSearchParams(
        Object.entries(rest).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ).toString();
      const answer = await sendRaw(base, { method: 'GET', path: qs ? `${path}?${qs}` : path, headers }, 15000);
      outcome = outcomeOf(answer.status, (answer.json ?? {}) as Record<string, unknown>);
    } else {
      const res = await call(base, route.method, path, headers, rest);
      outcome = outcomeOf(res.status, res.body);
    }
    if (entry.endsOtherSessions && session) {
      session.headers = await loginAs(session.username, session.password);
    }
    return outcome;
  }

  it('gives every caller of every route the declared outcome', async () => {
    const problems: string[][] = [];
    const undeclared: string[] = [];
    let cells = 0;
    const started = Date.now();
    // a route that ends the caller's other sessions would log out the requests other routes make meanwhile with
    // the same callers: those run alone, after the others
    const endsSessions = (route: RouteInfo) => !!matrix.get(namespaceOf(route))?.[routeKey(route)]?.endsOtherSessions;
    const check = async (route: RouteInfo, i: number) => {
      const key = routeKey(route);
      const entry = matrix.get(namespaceOf(route))?.[key];
      if (!entry) {
        const actual: Record<string, string> = {};
        for (const caller of CALLERS) {
          actual[caller] = await cell(
            route,
            { freshSession: true, freshTarget: true, expect: {} as Record<Caller, Outcome> },
            caller,
          );
        }
        undeclared.push(`${key} (in matrix/${namespaceOf(route)}.matrix.ts), answers today: ${JSON.stringify(actual)}`);
        return;
      }
      problems[i] = [];
      for (const caller of CALLERS) {
        cells += 1;
        const actual = await cell(route, entry, caller);
        if (actual !== String(entry.expect[caller])) {
          problems[i].push(`${key} as ${caller}: expected ${entry.expect[caller]}, got ${actual}`);
        }
      }
    };
    const indexed = ROUTES.map((route, i) => ({ route, i }));
    await pool(
      indexed.filter(({ route }) => !endsSessions(route)),
      CONCURRENCY,
      ({ route, i }) => check(route, i),
    );
    for (const { route, i } of indexed.filter(({ route }) => endsSessions(route))) {
      await check(route, i);
    }
    const mismatches = problems.flat();
    const known = new Set(ROUTES.map(routeKey));
    const stale = [...matrix].flatMap(([ns, file]) =>
      Object.keys(file)
        .filter((key) => !known.has(key) || namespaceOf({ path: key.split(' ')[1] }) !== ns)
        .map((key) => `${key} in matrix/${ns}.matrix.ts is not a route of that namespace`),
    );
    process.stdout.write(
      `permission matrix: ${ROUTES.length} routes × ${CALLERS.length} callers = ${cells} cells, ${mismatches.length} mismatches, ${undeclared.length} undeclared routes\n` +
        `  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
    );
    expect({ undeclared, stale, mismatches }).toEqual({ undeclared: [], stale: [], mismatches: [] });
  });
});
