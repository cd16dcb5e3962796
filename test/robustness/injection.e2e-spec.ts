/**
 * Injection, over every route of the gateway's route table:
 * - MongoDB operators in any body or query parameter (`{"$ne": null}`, `username[$ne]=`, a JSON string) never
 *   reach further than the same request with a value that names nothing: a login or a look-up by operator never
 *   succeeds, and operator keys in object parameters change nobody's roles;
 * - `query`, `sort` and `fields` refuse every operator outside the allow-list and every hidden field, so no
 *   answer (nor its order) depends on a password hash or a token;
 * - regular expressions are escaped or bounded: 50 KB of pathological input in any parameter, or a catastrophic
 *   `$regex`, is answered within 1 s;
 * - `__proto__` and `constructor.prototype` in JSON and form bodies pollute nothing.
 */
import { call, closeConnections, pool, RawAnswer, sendRaw } from './support/http';
import { Param, paramSets, routePathParams, vocabulary, withParam } from './support/params';
import { fillPath, isProbe, RouteInfo, routeKey, ROUTES } from './support/routes';
import { FORBIDDEN_QUERY_OPERATORS } from './support/operators';
import { benchmarkIp, createSession, gateway, Session, sharedAdminHeaders } from './support/fixtures';

jest.setTimeout(300_000);

const NOTHING = 'zz-injection-names-nothing';
const OPERATOR_VALUES: [string, unknown][] = [
  ['{"$ne":null}', { $ne: null }],
  ['{"$gt":""}', { $gt: '' }],
  ['{"$regex":".*"}', { $regex: '.*' }],
  ['{"$exists":true}', { $exists: true }],
  ['{"$in":[...]}', { $in: ['admin', 'rocket.cat', NOTHING] }],
  ['{"$where":"1"}', { $where: '1' }],
];
const OPERATOR_KEYS = {
  $set: { roles: ['admin'], active: true },
  $where: '1',
  'roles.0': 'admin',
  $unset: { roles: 1 },
};

/** Fields a list never filters or sorts on for a plain user: secrets, and what Rocket.Chat hides from non-admins. */
const HIDDEN_FIELDS = [
  'services.password.bcrypt',
  'services.resume.loginTokens.hashedToken',
  'services',
  'emails.address',
  'roles',
  'requirePasswordChange',
  'joinCode',
  'e2e',
];

const enc = encodeURIComponent;

/** A paged list that takes a Mongo `query` (spotlight's `query` is its search text, not a selector). */
const takesQuerySelector = (params: Param[]) =>
  params.some((p) => p.name === 'query') && params.some((p) => p.name === 'count');
const ok = (a: RawAnswer) => a.status >= 200 && a.status < 400;

describe('injection', () => {
  const base = gateway();
  const vocab = vocabulary(ROUTES.filter((r) => r.method === 'POST'));
  let attacker: Session;
  let admin: Session;
  let n = 0;
  const ip = () => ({ 'X-Forwarded-For': benchmarkIp(70_000 + n++) });

  beforeAll(async () => {
    attacker = await createSession('inject-user');
    admin = await createSession('inject-admin', ['admin']);
  });

  afterAll(() => closeConnections());

  const pathOf = (route: RouteInfo) =>
    fillPath(route, Object.fromEntries(routePathParams(route).map((p) => [p.name, attacker.username])));

  /** Every declared top-level parameter of a route, with where it goes. */
  function params(route: RouteInfo): Param[] {
    return paramSets(route, vocab).flatMap((s) => s.params.filter((p) => p.path.length === 1));
  }

  function send(route: RouteInfo, who: Session | undefined, param: Param, value: unknown, form = false) {
    const headers: Record<string, string> = { ...(who?.headers ?? {}), ...ip() };
    if (param.in === 'query') {
      const q =
        value && typeof value === 'object'
          ? Object.entries(value)
              .map(([k, v]) => `${enc(param.name)}[${enc(k)}]=${enc(typeof v === 'string' ? v : JSON.stringify(v))}`)
              .join('&')
          : `${enc(param.name)}=${enc(String(value))}`;
      return sendRaw(base, { method: route.method, path: `${pathOf(route)}?${q}`, headers });
    }
    if (form) {
      return sendRaw(base, {
        method: route.method,
        path: pathOf(route),
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => `${enc(param.name)}[${enc(k)}]=${enc(String(v))}`)
          .join('&'),
      });
    }
    return sendRaw(base, {
      method: route.method,
      path: pathOf(route),
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(withParam({}, param, value)),
    });
  }

  it('never lets an operator in a parameter reach further than a value that names nothing', async () => {
    const widened: string[] = [];
    let requests = 0;
    const cases = ROUTES.filter((r) => !isProbe(r) && !/logout$/.test(r.path)).flatMap((route) =>
      params(route)
        .filter((p) => p.in !== 'path')
        .flatMap((param) =>
          (route.auth === 'required' ? [attacker, admin] : [undefined, attacker]).map((who) => ({ route, param, who })),
        ),
    );
    await pool(cases, 6, async ({ route, param, who }) => {
      const literal = await send(route, who, param, NOTHING);
      requests += 1;
      for (const [label, value] of OPERATOR_VALUES) {
        const variants = [await send(route, who, param, value)];
        if (param.in === 'body') {
          variants.push(await send(route, who, param, value, true));
        }
        variants.push(await send(route, who, param, JSON.stringify(value)));
        requests += variants.length;
        for (const injected of variants.filter((v) => ok(v) && !ok(literal))) {
          widened.push(
            `${routeKey(route)} ${param.name}=${label} as ${who?.username ?? 'anonymous'}: ${injected.status} where a value naming nothing gets ${literal.status} ${literal.text.slice(0, 120)}`,
          );
        }
      }
    });
    // the classic: a login by operator, with the password of a real account
    for (const body of [
      { username: { $ne: null }, password: attacker.password },
      { user: { username: { $ne: null } }, password: attacker.password },
      { user: { $regex: '^inject-user' }, password: attacker.password },
      { email: { $gt: '' }, password: attacker.password },
      { user: attacker.username, password: { $ne: null } },
      { user: attacker.username, password: { hashed: { $ne: null } } },
      { resume: { $ne: null } },
    ]) {
      const res = await call(base, 'POST', '/api/v1/login', ip(), body);
      requests += 1;
      if (res.status === 200) {
        widened.push(`login ${JSON.stringify(body)} logged in`);
      }
    }
    process.stdout.write(
      `injection: ${requests} operator requests over ${ROUTES.length} routes, ${widened.length} widened\n`,
    );
    expect(widened).toEqual([]);
  });

  it('keeps operator keys in object parameters from changing anyone’s roles', async () => {
    const before = await call(base, 'GET', '/api/v1/me', attacker.headers);
    for (const route of ROUTES.filter((r) => r.method === 'POST' && !/logout$/.test(r.path))) {
      for (const param of params(route).filter((p) => p.in === 'body')) {
        for (const value of [OPERATOR_KEYS, { customFields: OPERATOR_KEYS, ...OPERATOR_KEYS }]) {
          await send(route, attacker, param, value);
        }
      }
    }
    // users.update on oneself, with operator keys where a document is expected
    await call(base, 'POST', '/api/v1/users.updateOwnBasicInfo', attacker.headers, {
      data: {},
      customFields: OPERATOR_KEYS,
    });
    const after = await call(base, 'GET', '/api/v1/me', attacker.headers);
    expect(after.status).toBe(200);
    expect(after.body.roles).toEqual(before.body.roles);
    expect(after.body.active).toBe(true);
    const create = await call(base, 'POST', '/api/v1/users.create', attacker.headers, {
      username: `inject-${Date.now()}`,
      email: `inject-${Date.now()}@robustness.test`,
      name: 'x',
      password: 'x',
    });
    expect(create.body.errorType).toBe('error-action-not-allowed');
  });

  it('refuses every operator outside the allow-list and every hidden field in query, sort and fields', async () => {
    const lists = ROUTES.filter((r) => r.method === 'GET' && takesQuerySelector(params(r)));
    expect(lists.length).toBeGreaterThan(0);
    const accepted: string[] = [];
    for (const route of lists) {
      const ask = (q: string) =>
        sendRaw(base, { method: 'GET', path: `${pathOf(route)}?${q}`, headers: { ...admin.headers, ...ip() } });
      for (const op of FORBIDDEN_QUERY_OPERATORS) {
        for (const query of [
          { username: { [op]: 1 } },
          { [op]: 1 },
          { $or: [{ name: { [op]: 1 } }] },
          { name: { $not: { [op]: 1 } } },
        ]) {
          const res = await ask(`query=${enc(JSON.stringify(query))}`);
          if (res.status !== 400 || (res.json as { errorType?: string }).errorType !== 'error-invalid-query') {
            accepted.push(`${routeKey(route)} query=${JSON.stringify(query)} → ${res.status}`);
          }
        }
      }
      // a hidden field is refused, or has no effect: the answer is the one for a field no document has, so
      // neither the documents returned nor their order depend on it (checked as a plain user, who sees least)
      const asUser = (q: string) =>
        sendRaw(base, { method: 'GET', path: `${pathOf(route)}?${q}`, headers: { ...attacker.headers, ...ip() } });
      for (const hidden of HIDDEN_FIELDS) {
        for (const [name, make] of [
          ['query', (f: string) => ({ [f]: { $exists: true } })],
          ['query', (f: string) => ({ [f]: { $regex: '^[$a-z]' } })],
          ['query', (f: string) => ({ $or: [{ [f]: { $in: ['admin', 'user'] } }] })],
          ['sort', (f: string) => ({ [f]: 1 })],
          ['sort', (f: string) => ({ [f]: -1 })],
        ] as const) {
          const res = await asUser(`${name}=${enc(JSON.stringify(make(hidden)))}&count=100`);
          const control = await asUser(`${name}=${enc(JSON.stringify(make('zzNoSuchField')))}&count=100`);
          const type = String((res.json as { errorType?: string } | undefined)?.errorType);
          const refused = res.status === 400 && /^error-invalid-(query|sort)$/.test(type);
          if (!refused && (res.status !== control.status || res.text !== control.text)) {
            accepted.push(
              `${routeKey(route)} ${name}=${JSON.stringify(make(hidden))} → ${res.status}, depends on ${hidden}`,
            );
          }
        }
        const fields = await asUser(`fields=${enc(JSON.stringify({ [hidden]: 1 }))}`);
        if (/bcrypt|hashedToken|"services"|joinCode/.test(fields.text)) {
          accepted.push(`${routeKey(route)} fields={"${hidden}":1} returned it`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('answers 50 KB of pathological input in any parameter, and a catastrophic $regex, within 1 s', async () => {
    const inputs = [`${'a'.repeat(50 * 1024)}!`, `${'(a+)+'.repeat(10 * 1024)}$`, `${'\\'.repeat(50 * 1024)}`];
    const slow: string[] = [];
    let requests = 0;
    const timed = async (what: string, answer: Promise<RawAnswer>) => {
      const a = await answer;
      requests += 1;
      if (a.timedOut || a.ms > 1000 || a.status >= 500 || a.status === 0) {
        slow.push(`${what}: ${a.status} in ${a.ms} ms`);
      }
    };
    for (const route of ROUTES.filter((r) => !isProbe(r) && !/logout$/.test(r.path))) {
      for (const param of params(route).filter((p) => p.in !== 'path')) {
        for (const input of inputs) {
          // a GET carries what fits in a request line (longer ones get a fast 431); 12 KB reaches the handler
          const value = param.in === 'query' ? input.slice(0, 12 * 1024) : input;
          await timed(`${routeKey(route)} ${param.name}`, send(route, admin, param, value));
          if (param.in === 'query') {
            await timed(`${routeKey(route)} ${param.name} (50 KB)`, send(route, admin, param, input));
          }
        }
      }
      for (const p of routePathParams(route)) {
        await timed(
          `${routeKey(route)} ${p.name}`,
          sendRaw(base, { method: route.method, path: fillPath(route, { [p.name]: 'a'.repeat(12 * 1024) }) }, 5000),
        );
      }
    }
    // a name the catastrophic pattern would backtrack over for ever, and patterns of every bad kind
    const victim = await createSession('inject-regex');
    await call(base, 'POST', '/api/v1/users.update', await sharedAdminHeaders(), {
      userId: victim._id,
      data: { name: `${'a'.repeat(64)}!` },
    });
    for (const route of ROUTES.filter((r) => r.method === 'GET' && takesQuerySelector(params(r)))) {
      for (const pattern of [
        '^(a+)+$',
        '^(a|aa)+$',
        '^(a*)*b',
        '(.*a){20}',
        '.*.*.*.*.*!',
        'a'.repeat(10 * 1024),
        `${'(a?)'.repeat(30)}${'a'.repeat(30)}`,
      ]) {
        const res = sendRaw(base, {
          method: 'GET',
          path: `${pathOf(route)}?query=${enc(JSON.stringify({ name: { $regex: pattern } }))}`,
          headers: { ...admin.headers, ...ip() },
        });
        await timed(`${routeKey(route)} $regex ${pattern.slice(0, 30)}`, res);
        const answer = await res;
        expect({ pattern: pattern.slice(0, 30), status: answer.status }).toEqual({
          pattern: pattern.slice(0, 30),
          status: 400,
        });
      }
    }
    process.stdout.write(`regex: ${requests} requests with pathological input, ${slow.length} slower than 1 s\n`);
    expect(slow).toEqual([]);
  });

  it('lets no __proto__ or constructor in a body pollute an object', async () => {
    const payloads: Record<string, unknown>[] = [
      JSON.parse('{"__proto__":{"polluted":"yes","roles":["admin"],"isAdmin":true,"active":true}}') as Record<
        string,
        unknown
      >,
      JSON.parse('{"constructor":{"prototype":{"polluted":"yes","roles":["admin"]}}}') as Record<string, unknown>,
      JSON.parse('{"data":{"__proto__":{"polluted":"yes"}},"customFields":{"__proto__":{"polluted":"yes"}}}') as Record<
        string,
        unknown
      >,
    ];
    const forms = [
      '__proto__[polluted]=yes&__proto__[roles][]=admin',
      'constructor[prototype][polluted]=yes',
      'a[__proto__][polluted]=yes',
    ];
    let requests = 0;
    for (const route of ROUTES.filter((r) => r.method === 'POST' && !/logout$/.test(r.path))) {
      for (const payload of payloads) {
        await sendRaw(base, {
          method: 'POST',
          path: pathOf(route),
          headers: { ...attacker.headers, ...ip(), 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        });
        requests += 1;
      }
      for (const form of forms) {
        await sendRaw(base, {
          method: 'POST',
          path: pathOf(route),
          headers: { ...attacker.headers, ...ip(), 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form,
        });
        requests += 1;
      }
    }
    for (const route of ROUTES.filter((r) => r.method === 'GET' && !isProbe(r) && !/logout$/.test(r.path))) {
      await sendRaw(base, {
        method: 'GET',
        path: `${pathOf(route)}?__proto__[polluted]=yes&constructor[prototype][polluted]=yes`,
        headers: { ...attacker.headers, ...ip() },
      });
      requests += 1;
    }
    // no process answers differently: a new user is a plain user, the attacker is still one, nothing says "polluted"
    const fresh = await createSession('inject-fresh');
    for (const who of [attacker, fresh]) {
      const me = await call(base, 'GET', '/api/v1/me', who.headers);
      expect(me.status).toBe(200);
      expect(me.body.roles).toEqual(['user']);
      expect(me.answer.text).not.toMatch(/polluted|isAdmin/);
      const info = await call(base, 'GET', `/api/v1/users.info?userId=${who._id}`, who.headers);
      expect(info.answer.text).not.toMatch(/polluted|isAdmin/);
      const update = await call(base, 'POST', '/api/v1/permissions.update', who.headers, { permissions: [] });
      expect(update.body.errorType).toBe('error-edit-permissions-not-allowed');
    }
    const list = await call(base, 'GET', '/api/v1/users.list?count=5', admin.headers);
    expect(list.answer.text).not.toMatch(/polluted|isAdmin/);
    process.stdout.write(`prototype pollution: ${requests} requests, nothing polluted\n`);
  });
});
