/**
 * Malformed-input sweep. For every route of the gateway (read from its controllers' metadata, see
 * support/routes.ts) and every parameter its schemas declare, as an admin, a plain user and anonymously: every
 * body form (none, null, an array, malformed JSON, a wrong content type, broken form encodings, multipart
 * garbage, a body over the limit), every parameter missing, of the wrong type, empty, 100 KB long, with a NUL
 * byte, an invalid id, a huge or negative number, repeated; and the paging parameters out of range or with
 * every operator outside the allow-list. Pass rule: no status >= 500, an answer within 5 s, and every 4xx in
 * Rocket.Chat's failure envelope.
 *
 * It runs on users, rooms and roles it creates itself; routes that end the caller's session are sent with a
 * throw-away login; X-Forwarded-For rotates so that rate limits and failed-login blocking (which have their own
 * suite) do not cut the sweep short.
 */
import {
  Param,
  ParamSet,
  MISSING,
  baseline,
  Dictionary,
  paramSets,
  routePathParams,
  vocabulary,
  withParam,
} from './support/params';
import { closeConnections, isFailureEnvelope, pool, RawAnswer, RawRequest, sendRaw } from './support/http';
import { fillPath, isProbe, RouteInfo, routeKey, ROUTES } from './support/routes';
import {
  benchmarkIp,
  createChannel,
  createRole,
  createSession,
  gateway,
  Headers,
  loginAs,
  Role,
  Room,
  Session,
  uniqueName,
} from './support/fixtures';
import { FORBIDDEN_QUERY_OPERATORS } from './support/operators';

jest.setTimeout(600_000);

type CallerKind = 'admin' | 'user' | 'anonymous';

interface Probe {
  route: RouteInfo;
  caller: CallerKind;
  label: string;
  request: RawRequest;
}

interface Finding {
  probe: Probe;
  answer: RawAnswer;
  problem: '5xx' | 'timeout' | 'bad envelope';
}

/** Routes that end the caller's session: sent with a throw-away login. */
const SESSION_ENDING = new Set(['POST /api/v1/logout', 'GET /api/v1/logout', 'POST /api/v1/users.logout']);

const DEADLINE_MS = 5000;
const BIG = 'x'.repeat(100 * 1024);
const RAW_HUGE = '__raw_1e400__';

/** Values every declared body parameter is tried with (besides its baseline). */
const BODY_VARIANTS: [string, unknown][] = [
  ['missing', MISSING],
  ['null', null],
  ['number', 1],
  ['boolean', true],
  ['array', ['x']],
  ['object', { a: 1 }],
  ['keys MongoDB refuses', { 'a\u0000b': 1, $set: { x: 1 }, 'a.b': 1 }],
  ['{"$ne":null}', { $ne: null }],
  ['{"$gt":""}', { $gt: '' }],
  ['empty', ''],
  ['100 KB', BIG],
  ['NUL byte', 'a\u0000b'],
  ['invalid id', 'zz!not-an-id'],
  ['huge number', 1e308],
  ['negative', -1],
  ['1e400', RAW_HUGE],
  ['lone surrogate', '\ud800'],
];

const enc = encodeURIComponent;

/** Query-string forms every declared query parameter is tried with: `name` and its baseline → raw fragment. */
const QUERY_VARIANTS: [string, (n: string, base: string) => string | null][] = [
  ['missing', () => null],
  ['empty', (n) => `${n}=`],
  ['no value', (n) => n],
  ['100 KB', (n) => `${n}=${BIG}`],
  ['8 KB', (n) => `${n}=${'x'.repeat(8 * 1024)}`],
  ['NUL byte', (n) => `${n}=a%00b`],
  ['number', (n) => `${n}=1`],
  ['boolean', (n) => `${n}=true`],
  ['repeated', (n, b) => `${n}=${enc(b)}&${n}=${enc(b)}`],
  ['array brackets', (n) => `${n}[]=a&${n}[]=b`],
  ['object brackets', (n) => `${n}[a]=1`],
  ['$ne brackets', (n) => `${n}[$ne]=x`],
  ['{"$ne":null}', (n) => `${n}=${enc('{"$ne":null}')}`],
  ['invalid id', (n) => `${n}=${enc('zz!not-an-id')}`],
  ['huge number', (n) => `${n}=1e308`],
  ['negative', (n) => `${n}=-1`],
  ['big integer', (n) => `${n}=99999999999999999999999`],
  ['broken percent-encoding', (n) => `${n}=%E0%A4%A`],
];

const deep = (levels: number, leaf: string) => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);

/** Extra values of the paging parameters. */
const PAGING_VALUES: Record<string, string[]> = {
  count: ['-1', 'abc', '1e308', '99999999999999999999', '0', '1.5', 'Infinity', 'NaN', '-0'],
  offset: ['-1', 'abc', '1e308', '99999999999999999999', '1.5', 'Infinity'],
  sort: [
    '{',
    '[]',
    'null',
    '"x"',
    '{"username":2}',
    '{"$where":1}',
    '{"a":{"b":1}}',
    deep(60, '1'),
    '{"services":1}',
    '{"a\\u0000b":1}',
    '{"":1}',
    '{"name":{"a\\u0000":1}}',
    '{"a..b":1}',
  ],
  fields: [
    '{',
    '[]',
    'null',
    '{"a":2}',
    '{"$where":1}',
    '{"a":{"$slice":1}}',
    deep(60, '1'),
    '{"services":1}',
    '{"a\\u0000b":1}',
    '{"":1}',
    '{"name":{"a\\u0000":1}}',
    '{"a..b":1}',
  ],
  query: [
    '{',
    '[]',
    'null',
    '"x"',
    '{"$date":1}',
    deep(200, '1'),
    `{"$and":${'['.repeat(100)}${']'.repeat(100)}}`,
    '{"username":{"$regex":"("}}',
    '{"username":{"$regex":"a","$options":"zz"}}',
    '{"username":{"$regex":"a\\u0000"}}',
    '{"username":{"$regex":{"$ne":1}}}',
    '{"a\\u0000b":1}',
    '{"":1}',
    '{"name":{"a\\u0000":1}}',
    '{"a..b":1}',
    '{"services.password":{"$exists":true}}',
    '{"_id":{"$in":"x"}}',
    ...FORBIDDEN_QUERY_OPERATORS.flatMap((op) => [`{"username":{"${op}":1}}`, `{"${op}":1}`]),
  ],
};

function jsonBody(value: unknown): string {
  return JSON.stringify(value).split(`"${RAW_HUGE}"`).join('1e400');
}

function formBody(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');
}

const toQueryValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

describe('malformed-input sweep', () => {
  const base = gateway();
  const vocab = vocabulary(ROUTES.filter((r) => r.method === 'POST'));
  let admin: Session;
  let user: Session;
  let room: Room;
  let role: Role;
  const victims = new Map<string, Session>();
  /** throw-away logins for the session-ending routes */
  const spare: Record<'admin' | 'user', Session | undefined> = { admin: undefined, user: undefined };

  beforeAll(async () => {
    admin = await createSession('sweep-admin', ['admin']);
    user = await createSession('sweep-user');
    spare.admin = await createSession('sweep-spare-admin', ['admin']);
    spare.user = await createSession('sweep-spare-user');
    room = await createChannel(admin.headers, [user.username]);
    role = await createRole('sweep-role');
    // a user per route for the parameters that name a user (a route may deactivate, rename or delete it)
    for (const route of ROUTES) {
      victims.set(routeKey(route), await createSession('sweep-victim', ['user'], base, undefined, false));
    }
  }, 300_000);

  afterAll(() => closeConnections());

  function dictionaryFor(route: RouteInfo): Dictionary {
    const victim = victims.get(routeKey(route))!;
    const now = new Date().toISOString();
    const values: Record<string, () => unknown> = {
      userId: () => victim._id,
      username: () => victim.username,
      user: () => victim.username,
      ids: () => victim._id,
      roomId: () => room._id,
      roomName: () => room.name,
      channel: () => `#${room.name}`,
      role: () => role.name,
      roleName: () => role.name,
      roleId: () => role._id,
      name: () => uniqueName('sweep'),
      email: () => `${uniqueName('sweep')}@robustness.test`,
      password: () => 'Sweep-pass-1',
      pass: () => 'Sweep-pass-1',
      text: () => 'sweep',
      // idle for a century, and only users holding the sweep's own role (which nobody holds)
      daysIdle: () => 36500,
      tokenName: () => uniqueName('sweep-token'),
      data: () => ({}),
      activeStatus: () => true,
      from: () => now,
      updatedSince: () => now,
      latest: () => now,
      oldest: () => now,
      size: () => '32',
      // nothing listens on the discard port: the download fails at once
      avatarUrl: () => 'http://127.0.0.1:9/avatar.png',
      fullExport: () => 'false',
      scope: () => 'Users',
    };
    return (name) => values[name]?.();
  }

  /** The names an open body accepts: those its service's own validation does not refuse as unknown. */
  async function learnOpenParams(route: RouteInfo, set: ParamSet): Promise<Param[]> {
    const dict = dictionaryFor(route);
    const kept: Param[] = [];
    for (const p of set.params) {
      const value = dict(p.name, p) ?? 'x';
      const res = await sendRaw(base, {
        method: route.method,
        path: route.path,
        headers: { ...admin.headers, 'Content-Type': 'application/json', 'X-Forwarded-For': benchmarkIp(65000) },
        body: JSON.stringify({ [p.name]: value }),
      });
      if (!/must NOT have additional properties/.test(res.text)) {
        kept.push(p);
      }
    }
    return kept;
  }

  function bodyForms(baselineBody: Record<string, unknown>): [string, Headers, string | Buffer | undefined][] {
    const json = { 'Content-Type': 'application/json' };
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    return [
      ['no body', {}, undefined],
      ['empty JSON body', json, ''],
      ['null', json, 'null'],
      ['JSON array', json, '[]'],
      ['JSON array of the body', json, JSON.stringify([baselineBody])],
      ['JSON string', json, '"x"'],
      ['JSON number', json, '1'],
      ['malformed JSON', json, '{"a":'],
      ['trailing garbage', json, `${JSON.stringify(baselineBody)}x`],
      ['nested 10,000 deep', json, `${'['.repeat(10000)}${']'.repeat(10000)}`],
      ['text/plain', { 'Content-Type': 'text/plain' }, JSON.stringify(baselineBody)],
      ['application/xml', { 'Content-Type': 'application/xml' }, '<a/>'],
      ['unsupported charset', { 'Content-Type': 'application/json; charset=ibm037' }, '{}'],
      ['bogus gzip', { ...json, 'Content-Encoding': 'gzip' }, '{}'],
      ['form', form, formBody(baselineBody)],
      ['form with broken percent-encoding', form, 'a=%E0%A4%A&%ZZ=1'],
      ['form with invalid UTF-8', form, Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0x26, 0x62, 0x3d, 0xc3])],
      ['form nested 200 brackets deep', form, `a${'[b]'.repeat(200)}=1`],
      ['multipart without boundary', { 'Content-Type': 'multipart/form-data' }, 'x'],
      [
        'broken multipart',
        { 'Content-Type': 'multipart/form-data; boundary=zz' },
        '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
      ],
      ['body over the limit', json, `{"a":"${'x'.repeat(10 * 1024 * 1024 + 16)}"}`],
    ];
  }

  async function probesFor(route: RouteInfo, caller: CallerKind): Promise<Probe[]> {
    const probes: Probe[] = [];
    const dict = dictionaryFor(route);
    const add = (label: string, request: RawRequest) => probes.push({ route, caller, label, request });
    const pathValues = Object.fromEntries(
      routePathParams(route).map((p) => [p.name, victims.get(routeKey(route))!.username]),
    );
    const path = fillPath(route, pathValues);
    const sets = paramSets(route, vocab);
    const querySet = sets.find((s) => s.in === 'query');
    const queryBase = querySet ? baseline(querySet, dict) : {};
    const qs = (q: Record<string, unknown>) =>
      Object.entries(q)
        .map(([k, v]) => `${enc(k)}=${enc(toQueryValue(v))}`)
        .join('&');
    const withQuery = (p: string, q: string) => (q ? `${p}?${q}` : p);
    const formsOnly =
      isProbe(route) || (caller === 'anonymous' && route.auth === 'required') || SESSION_ENDING.has(routeKey(route));

    // path parameters
    for (const p of routePathParams(route)) {
      for (const [label, value] of [
        ['empty', ''],
        ['NUL byte', 'a%00b'],
        ['8 KB', 'x'.repeat(8 * 1024)],
        ['dot segments', '..%2F..%2Fetc%2Fpasswd'],
        ['broken percent-encoding', '%E0%A4%A'],
        ['invalid id', 'zz!not-an-id'],
      ] as const) {
        add(`path ${p.name}: ${label}`, {
          method: route.method,
          path: fillPath(route, { ...pathValues, [p.name]: value }, true),
        });
      }
    }

    if (route.method === 'GET') {
      const q = qs(queryBase);
      add('baseline', { method: 'GET', path: withQuery(path, q) });
      add('unknown parameter', { method: 'GET', path: withQuery(path, [q, 'zzz=1'].filter(Boolean).join('&')) });
      add('broken percent-encoding', { method: 'GET', path: `${path}?%ZZ=%E0%A4%A` });
      add('query string of 100 KB', { method: 'GET', path: `${path}?x=${BIG}` });
      add('brackets 200 deep', { method: 'GET', path: `${path}?a${'[b]'.repeat(200)}=1` });
      add('JSON body on a GET', {
        method: 'GET',
        path: withQuery(path, q),
        headers: { 'Content-Type': 'application/json' },
        body: '{"a":',
      });
    } else {
      for (const [label, headers, body] of bodyForms(
        sets.find((s) => s.in === 'body' && !s.open)
          ? baseline(
              sets.find((s) => s.in === 'body')!,
              dict,
            )
          : {},
      )) {
        add(`body: ${label}`, { method: route.method, path, headers, body });
      }
    }
    if (formsOnly) {
      return probes;
    }

    for (const set of sets) {
      const params = set.open ? await learnOpenParams(route, set) : set.params;
      const setBase = set.open ? {} : baseline(set, dict);
      for (const param of params) {
        if (set.in === 'body') {
          for (const [label, value] of BODY_VARIANTS) {
            add(`${param.name}: ${label}`, {
              method: route.method,
              path: withQuery(path, set.in === 'body' && querySet ? qs(queryBase) : ''),
              headers: { 'Content-Type': 'application/json' },
              body: jsonBody(withParam(setBase, param, value)),
            });
          }
        } else {
          const others = qs(withParam(setBase, param, MISSING));
          const own = toQueryValue(setBase[param.name] ?? dict(param.name, param) ?? 'x');
          const values = [...QUERY_VARIANTS.map(([label, make]) => [label, make(enc(param.name), own)] as const)];
          for (const value of PAGING_VALUES[param.name] ?? []) {
            values.push([`paging ${value.slice(0, 60)}`, `${enc(param.name)}=${enc(value)}`]);
          }
          for (const [label, fragment] of values) {
            add(`${param.name}: ${label}`, {
              method: route.method,
              path: withQuery(path, [others, fragment].filter(Boolean).join('&')),
            });
          }
        }
      }
    }
    return probes;
  }

  async function headersFor(probe: Probe, i: number): Promise<Headers> {
    const ip = { 'X-Forwarded-For': benchmarkIp(i) };
    if (probe.caller === 'anonymous') {
      return ip;
    }
    if (SESSION_ENDING.has(routeKey(probe.route))) {
      const who = spare[probe.caller]!;
      return { ...(await loginAs(who.username, who.password)), ...ip };
    }
    return { ...(probe.caller === 'admin' ? admin : user).headers, ...ip };
  }

  it('answers every malformed request to every route within 5 s, never with a 5xx, every 4xx in the failure envelope', async () => {
    const probes: Probe[] = [];
    for (const route of ROUTES) {
      for (const caller of ['admin', 'user', 'anonymous'] as const) {
        probes.push(...(await probesFor(route, caller)));
      }
    }
    const findings: Finding[] = [];
    const started = Date.now();
    await pool(probes, 6, async (probe, i) => {
      const request = { ...probe.request, headers: { ...(await headersFor(probe, i)), ...probe.request.headers } };
      const answer = await sendRaw(base, request, DEADLINE_MS);
      if (answer.timedOut || answer.status === 0) {
        findings.push({ probe, answer, problem: 'timeout' });
      } else if (answer.status >= 500) {
        findings.push({ probe, answer, problem: '5xx' });
      } else if (answer.status >= 400 && !isFailureEnvelope(answer.json)) {
        findings.push({ probe, answer, problem: 'bad envelope' });
      }
    });
    const count = (p: Finding['problem']) => findings.filter((f) => f.problem === p).length;
    const routes = new Set(probes.map((p) => routeKey(p.route))).size;
    process.stdout.write(
      `sweep: ${probes.length} requests over ${routes} routes, ${count('5xx')} 5xx, ${count('timeout')} timeouts, ${count('bad envelope')} bad envelopes\n` +
        `  (${((Date.now() - started) / 1000).toFixed(0)} s, as admin, plain user and anonymous)\n`,
    );
    const seen = new Set<string>();
    const report = findings
      .map(
        (f) =>
          `${f.problem}: ${routeKey(f.probe.route)} as ${f.probe.caller}, ${f.probe.label} → ${f.answer.status || f.answer.error || 'no answer'} ${f.answer.text.slice(0, 160)}`,
      )
      .filter((line) => (seen.has(line) ? false : (seen.add(line), true)));
    expect(report).toEqual([]);
  });
});
