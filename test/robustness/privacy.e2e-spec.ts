/**
 * Privacy. Alice and Bob share a private group and a direct message; Eve is in neither. Eve walks every GET route
 * of the gateway (its route table, so groups.*, im.*, rooms.*, subscriptions.*, spotlight, directory and
 * chat.search are walked the day they exist) and must learn nothing:
 * - no answer she gets holds a private id, name, message id or message text;
 * - every parameter of every GET route set to a private id or name answers exactly as the same parameter set
 *   to an id or name that does not exist (no "exists, but not for you" in an error text);
 * - what she sees about Alice and Bob (users.info with includeUserRooms, lists, counts, mentions, her own
 *   subscriptions and counters) is the same before and after the private rooms were created and used.
 *
 * The private group is created with groups.create when that route exists; until then as a channel whose type is
 * then changed to `p` in the database (channels.setType does not exist yet either). The direct message is
 * created with im.create when it exists, else by chat.postMessage to `@bob`, as Rocket.Chat does.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { readState } from '../helpers/state';
import { call, closeConnections, sendRaw } from './support/http';
import { paramSets, routePathParams, vocabulary } from './support/params';
import { fillPath, isProbe, RouteInfo, routeKey, ROUTES } from './support/routes';
import { benchmarkIp, createSession, gateway, Session, uniqueName } from './support/fixtures';

jest.setTimeout(300_000);

interface Secret {
  what: string;
  value: string;
  /** a value of the same shape that names nothing */
  fake: string;
}

/** GET requests with side effects or answers that change by themselves (not compared before/after). */
const VOLATILE_ROUTES = new Set(['GET /api/v1/users.requestDataDownload', 'GET /health/ready']);
/** Fields whose values change with time or with any write, whoever made it. */
const VOLATILE_FIELDS = new Set(['_updatedAt', 'ts', 'lastLogin', 'createdAt', '_createdAt', 'updatedAt', 'lm']);

const served = (method: string, path: string) => ROUTES.some((r) => r.method === method && r.path === path);

/** The same shape with its last six characters replaced: same prefix, same length, names nothing. */
function fakeOf(value: string): string {
  const alphabet = value.match(/[a-z]/)
    ? 'abcdefghijkmnopqrstuvwxyz23456789'
    : 'ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const tail = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return value.slice(0, Math.max(0, value.length - 6)) + tail;
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normalise);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !VOLATILE_FIELDS.has(k))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) ? '<date>' : value;
}

describe('privacy: an outsider learns nothing about a private group and a direct message', () => {
  const base = gateway();
  const vocab = vocabulary(ROUTES);
  let alice: Session;
  let bob: Session;
  let eve: Session;
  const secrets: Secret[] = [];
  let mongo: MongoClient;

  beforeAll(async () => {
    alice = await createSession('privacy-alice');
    bob = await createSession('privacy-bob');
    eve = await createSession('privacy-eve');
    mongo = await MongoClient.connect(readState().mongoUrl);
  });

  afterAll(async () => {
    await mongo.close();
    closeConnections();
  });

  /**
   * Eve's headers, each request from an address of its own (as in the other robustness suites): the per-route
   * rate limit of 127.0.0.1 is shared with every other spec, and a 429 from someone else's window is no answer.
   */
  let eveRequests = 0;
  const eveHeaders = () => ({ ...eve.headers, 'X-Forwarded-For': benchmarkIp(90_000 + eveRequests++) });

  /** Eve's plain request of a GET route: user parameters name Alice, flags are on, lists are long. */
  function plainParams(route: RouteInfo): Record<string, string> {
    const out: Record<string, string> = {};
    for (const set of paramSets(route, vocab).filter((s) => s.in === 'query' && !s.open)) {
      for (const p of set.params.filter((x) => x.path.length === 1)) {
        if (p.name === 'userId') {
          out.userId = alice._id;
        } else if (p.name === 'ids') {
          out.ids = `${alice._id},${bob._id}`;
        } else if (['includeUserRooms', 'unreads', 'inclusive', 'showThreadMessages'].includes(p.name)) {
          out[p.name] = 'true';
        } else if (p.name === 'count') {
          out.count = '100';
        } else if (p.required || p.name === 'roomId') {
          out[p.name] = p.name === 'roomId' ? 'GENERAL' : alice.username;
        }
      }
    }
    return out;
  }

  function pathOf(route: RouteInfo, query: Record<string, string>, pathValues: Record<string, string> = {}): string {
    const names = Object.fromEntries(routePathParams(route).map((p) => [p.name, pathValues[p.name] ?? alice.username]));
    const qs = new URLSearchParams(query).toString();
    return `${fillPath(route, names)}${qs ? `?${qs}` : ''}`;
  }

  const getRoutes = () => ROUTES.filter((r) => r.method === 'GET' && !isProbe(r) && !/logout$/.test(r.path));

  async function snapshot(): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    for (const route of getRoutes().filter((r) => !VOLATILE_ROUTES.has(routeKey(r)))) {
      const answer = await sendRaw(base, {
        method: 'GET',
        path: pathOf(route, plainParams(route)),
        headers: eveHeaders(),
      });
      out.set(routeKey(route), { status: answer.status, body: normalise(answer.json ?? answer.text) });
    }
    return out;
  }

  async function createPrivateGroup(owner: Session, member: Session): Promise<{ _id: string; name: string }> {
    const name = uniqueName('privacy-group');
    if (served('POST', '/api/v1/groups.create')) {
      const res = await call(base, 'POST', '/api/v1/groups.create', owner.headers, {
        name,
        members: [member.username],
      });
      expect(res.status).toBe(200);
      return res.body.group as { _id: string; name: string };
    }
    const res = await call(base, 'POST', '/api/v1/channels.create', owner.headers, {
      name,
      members: [member.username],
    });
    expect(res.status).toBe(200);
    const room = res.body.channel as { _id: string; name: string };
    const db = mongo.db();
    await db.collection<{ _id: string }>('rocketchat_room').updateOne({ _id: room._id }, { $set: { t: 'p' } });
    await db.collection('rocketchat_subscription').updateMany({ rid: room._id }, { $set: { t: 'p' } });
    return room;
  }

  async function createDirect(from: Session, to: Session): Promise<string> {
    if (served('POST', '/api/v1/im.create')) {
      const res = await call(base, 'POST', '/api/v1/im.create', from.headers, { username: to.username });
      expect(res.status).toBe(200);
      return (res.body.room as { _id: string })._id;
    }
    const res = await call(base, 'POST', '/api/v1/chat.postMessage', from.headers, {
      channel: `@${to.username}`,
      text: 'hello',
    });
    expect(res.status).toBe(200);
    return (res.body.message as { rid: string }).rid;
  }

  async function post(who: Session, roomId: string, text: string): Promise<string> {
    const res = await call(base, 'POST', '/api/v1/chat.postMessage', who.headers, { roomId, text });
    expect(res.status).toBe(200);
    return (res.body.message as { _id: string })._id;
  }

  it('lets the outsider see nothing of them through any GET route', async () => {
    const before = await snapshot();

    const group = await createPrivateGroup(alice, bob);
    const dm = await createDirect(alice, bob);
    const marker = () => `privacy-secret-${randomBytes(6).toString('hex')}`;
    const texts = [marker(), marker(), marker(), marker()];
    const messageIds = [
      await post(alice, group._id, `${texts[0]} @bob @${eve.username} @all`),
      await post(bob, group._id, `${texts[1]} @alice`),
      await post(alice, dm, `${texts[2]} @bob`),
      await post(bob, dm, `${texts[3]} @${eve.username}`),
    ];
    secrets.push(
      { what: 'group id', value: group._id, fake: fakeOf(group._id) },
      { what: 'group name', value: group.name, fake: fakeOf(group.name) },
      { what: 'direct message id', value: dm, fake: fakeOf(dm) },
      ...messageIds.map((id, i) => ({ what: `message id ${i}`, value: id, fake: fakeOf(id) })),
    );
    const hidden = [...secrets.map((s) => s.value), ...texts];

    const leaks: string[] = [];
    let requests = 0;
    const scan = (where: string, text: string) => {
      for (const value of hidden.filter((h) => text.includes(h))) {
        leaks.push(`${where}: the answer holds ${value}`);
      }
    };

    // 1. plain requests, and every parameter set to each private value (compared with a value naming nothing)
    for (const route of getRoutes()) {
      const plain = plainParams(route);
      const answer = await sendRaw(base, { method: 'GET', path: pathOf(route, plain), headers: eveHeaders() });
      requests += 1;
      scan(`${routeKey(route)} ${JSON.stringify(plain)}`, answer.text);
      const names = [
        ...paramSets(route, vocab)
          .filter((s) => s.in === 'query' && !s.open)
          .flatMap((s) => s.params.filter((p) => p.path.length === 1).map((p) => ({ name: p.name, inPath: false }))),
        ...routePathParams(route).map((p) => ({ name: p.name, inPath: true })),
      ];
      const queryValues = (s: string) => [
        s,
        JSON.stringify({ _id: s }),
        JSON.stringify({ rid: s }),
        JSON.stringify({ name: s }),
      ];
      for (const { name, inPath } of names) {
        for (const secret of secrets) {
          const variants =
            inPath || name !== 'query'
              ? [[secret.value, secret.fake]]
              : queryValues(secret.value).map((v, i) => [v, queryValues(secret.fake)[i]]);
          for (const [real, fake] of variants) {
            const ask = (v: string) =>
              sendRaw(base, {
                method: 'GET',
                path: inPath ? pathOf(route, plain, { [name]: v }) : pathOf(route, { ...plain, [name]: v }),
                headers: eveHeaders(),
              });
            const [withReal, withFake] = [await ask(real), await ask(fake)];
            requests += 2;
            const where = `${routeKey(route)} ${name}=${secret.what}`;
            const strip = (text: string, v: string) =>
              text.split(v).join('<value>').split(secret.value).join('<value>');
            scan(where, withReal.text.split(real).join(''));
            if (VOLATILE_ROUTES.has(routeKey(route))) {
              continue;
            }
            if (withReal.status !== withFake.status || strip(withReal.text, real) !== strip(withFake.text, fake)) {
              leaks.push(
                `${where}: answers ${withReal.status} ${withReal.text.slice(0, 200)} where a value naming nothing answers ${withFake.status} ${withFake.text.slice(0, 200)}`,
              );
            }
          }
        }
      }
    }

    // 2. nothing Eve sees changed because of the private rooms (counts, mentions, rooms of users.info, lists)
    const after = await snapshot();
    for (const [key, value] of before) {
      if (JSON.stringify(value) !== JSON.stringify(after.get(key))) {
        leaks.push(
          `${key}: changed after private activity: ${JSON.stringify(value).slice(0, 300)} → ${JSON.stringify(after.get(key)).slice(0, 300)}`,
        );
      }
    }

    // 3. Alice and Bob do see their rooms (the secrets are real)
    const own = await call(base, 'GET', `/api/v1/users.info?userId=${alice._id}&includeUserRooms=true`, alice.headers);
    expect(JSON.stringify(own.body)).toContain(group._id);

    process.stdout.write(
      `privacy: ${requests} requests over ${getRoutes().length} GET routes as the outsider, ${secrets.length + texts.length} private values, ${leaks.length} leaks\n`,
    );
    expect(leaks).toEqual([]);
  });
});
