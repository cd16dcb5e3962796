/**
 * Server-wide endpoints: /api/info, directory and spotlight, instances.get, licenses.info,
 * licenses.maxActiveUsers, licenses.isEnterprise.
 */
import { adminHeaders, adminWith2fa, createUser, createUserAndLogin, get, post, request, unique } from './helpers/api';
import { appProcs, killApp, restartApp } from './helpers/processes';
import { CHANNELS, createRoom, GROUPS, member } from './helpers/rooms';

const APPS = ['chat', 'gateway', 'integrations', 'livechat', 'users-rooms'];

describe('GET /api/info', () => {
  it('answers "major.minor" and the minimum client versions to anonymous callers', async () => {
    const res = await request().get('/api/info').expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({
      version: expect.stringMatching(/^\d+\.\d+$/),
      minimumClientVersions: { desktop: expect.any(String), mobile: expect.any(String) },
      success: true,
    });
  });

  it('answers version, build and commit to a caller with view-statistics', async () => {
    const res = await request()
      .get('/api/info')
      .set({ ...(await adminHeaders()) })
      .expect(200);
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(res.body.info).toEqual(
      expect.objectContaining({
        version: res.body.version,
        build: expect.objectContaining({
          date: expect.any(String),
          nodeVersion: process.version,
          arch: expect.any(String),
          platform: expect.any(String),
          osRelease: expect.any(String),
          totalMemory: expect.any(Number),
          freeMemory: expect.any(Number),
          cpus: expect.any(Number),
        }),
        commit: expect.any(Object),
      }),
    );
    expect(Number.isNaN(Date.parse(res.body.info.build.date as string))).toBe(false);
    // the e2e apps run from a git checkout: the commit is known
    expect(res.body.info.commit).toEqual(
      expect.objectContaining({ hash: expect.stringMatching(/^[0-9a-f]{40}$/), subject: expect.any(String) }),
    );
  });

  it('gives a caller without view-statistics, and invalid credentials, only the public answer', async () => {
    const { credentials } = await createUserAndLogin();
    const plain = await request()
      .get('/api/info')
      .set({ ...credentials.headers })
      .expect(200);
    expect(plain.body.info).toBeUndefined();
    expect(plain.body.version).toMatch(/^\d+\.\d+$/);
    const res = await request().get('/api/info').set({ 'X-User-Id': 'nobody', 'X-Auth-Token': 'bad' }).expect(200);
    expect(res.body.info).toBeUndefined();
  });
});

describe('GET /api/v1/directory', () => {
  it('finds users by text (e-mails only for holders of view-full-other-user-info), sorted and paged', async () => {
    const prefix = unique('dir');
    const [first, second] = [await member(), await member()];
    await post('users.update', await adminWith2fa(), {
      userId: first.user._id,
      data: { name: `${prefix} one` },
    }).expect(200);
    await post('users.update', await adminWith2fa(), {
      userId: second.user._id,
      data: { name: `${prefix} two` },
    }).expect(200);
    const res = await get('directory', first.headers, { type: 'users', text: prefix, sort: '{"name":-1}' }).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ count: 2, offset: 0, total: 2, success: true }));
    expect(res.body.result.map((u: { _id: string }) => u._id)).toEqual([second.user._id, first.user._id]);
    expect(res.body.result[0].emails).toBeUndefined();
    const asAdmin = await get('directory', await adminHeaders(), { type: 'users', text: prefix, count: '1' });
    expect(asAdmin.body).toEqual(expect.objectContaining({ count: 1, total: 2 }));
    expect(asAdmin.body.result[0].emails).toEqual(expect.any(Array));
    const legacy = await get('directory', first.headers, {
      query: JSON.stringify({ type: 'users', text: first.user.username }),
    }).expect(200);
    expect(legacy.body.result.map((u: { _id: string }) => u._id)).toEqual([first.user._id]);
  });

  it("finds public channels and the caller's own groups, never another's private group or a discussion", async () => {
    const prefix = unique('dirroom');
    const owner = await member();
    const channel = await createRoom(CHANNELS, owner.headers, { name: `${prefix}-open` });
    const group = await createRoom(GROUPS, owner.headers, { name: `${prefix}-mine` });
    await post('rooms.createDiscussion', owner.headers, { prid: channel._id, t_name: `${prefix}-talk` }).expect(200);
    const mine = await get('directory', owner.headers, { type: 'channels', text: prefix }).expect(200);
    expect(mine.body.result.map((r: { _id: string }) => r._id).sort()).toEqual([channel._id, group._id].sort());
    const outsider = await member();
    const theirs = await get('directory', outsider.headers, { text: prefix }).expect(200);
    expect(theirs.body.result.map((r: { _id: string }) => r._id)).toEqual([channel._id]);
    expect(theirs.body.total).toBe(1);
    expect((await get('directory', outsider.headers, { type: 'teams', text: prefix }).expect(200)).body.total).toBe(0);
  });

  it('refuses an unknown type, a sort on two keys, users for a caller without view-outside-room, no login', async () => {
    const m = await member();
    const verify = { success: false, error: 'Please verify the parameters' };
    expect((await get('directory', m.headers, { type: 'bogus' }).expect(400)).body).toEqual(verify);
    expect((await get('directory', m.headers, { type: 'users', sort: '{"bogus":1}' }).expect(400)).body).toEqual(
      verify,
    );
    expect((await get('directory', m.headers, { sort: '{"name":1,"ts":1}' }).expect(400)).body).toEqual({
      success: false,
      error: 'This method support only one "sort" parameter',
    });
    const guest = await member(['guest']);
    expect((await get('directory', guest.headers, { type: 'users' }).expect(400)).body).toEqual(verify);
    expect((await get('directory', m.headers, { bogus: '1' }).expect(400)).body.errorType).toBe('invalid-params');
    await get('directory', {}).expect(401);
  });
});

describe('GET /api/v1/spotlight', () => {
  it('finds users (the exact username first) and rooms the caller may see', async () => {
    const prefix = unique('spot');
    const target = await member();
    await post('users.update', await adminWith2fa(), {
      userId: target.user._id,
      data: { name: `${prefix} target` },
    }).expect(200);
    const someone = await member();
    const users = await get('spotlight', someone.headers, { query: `@${target.user.username}` }).expect(200);
    expect(users.body.rooms).toEqual([]);
    expect(users.body.users[0]).toEqual(
      expect.objectContaining({ _id: target.user._id, username: target.user.username, outside: true }),
    );
    const owner = await member();
    const exact = await createRoom(CHANNELS, owner.headers, { name: prefix });
    const longer = await createRoom(CHANNELS, owner.headers, { name: `${prefix}-a` });
    const rooms = await get('spotlight', someone.headers, { query: `#${prefix}` }).expect(200);
    expect(rooms.body.users).toEqual([]);
    expect(rooms.body.rooms.map((r: { _id: string }) => r._id)).toEqual([exact._id, longer._id]);
    expect(rooms.body.rooms[0]).toEqual(expect.objectContaining({ t: 'c', name: prefix }));
    const both = await get('spotlight', someone.headers, { query: prefix }).expect(200);
    expect(both.body.users.map((u: { _id: string }) => u._id)).toContain(target.user._id);
    expect(both.body.rooms).toHaveLength(2);
  });

  it("shows the caller's own groups but never another's; a guest sees only its DM peers", async () => {
    const prefix = unique('spotp');
    const owner = await member();
    const group = await createRoom(GROUPS, owner.headers, { name: prefix });
    expect(
      (await get('spotlight', owner.headers, { query: `#${prefix}` })).body.rooms.map((r: { _id: string }) => r._id),
    ).toEqual([group._id]);
    const outsider = await member();
    expect((await get('spotlight', outsider.headers, { query: `#${prefix}` }).expect(200)).body.rooms).toEqual([]);
    const guest = await member(['guest']);
    const peer = await member();
    expect((await get('spotlight', guest.headers, { query: `@${peer.user.username}` })).body.users).toEqual([]);
    await post('im.create', peer.headers, { username: guest.user.username }).expect(200);
    const peers = await get('spotlight', guest.headers, { query: `@${peer.user.username}` }).expect(200);
    expect(peers.body.users.map((u: { _id: string }) => u._id)).toEqual([peer.user._id]);
    expect((await get('spotlight', guest.headers, { query: `#${prefix}` })).body.rooms).toEqual([]);
  });

  it('requires the query and a login', async () => {
    const m = await member();
    expect((await get('spotlight', m.headers).expect(400)).body.errorType).toBe('invalid-params');
    expect((await get('spotlight', m.headers, { query: 'x', other: 'y' }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
    await get('spotlight', {}, { query: 'x' }).expect(401);
  });
});

interface Instance {
  address: string;
  currentStatus: { connected: boolean; local: boolean };
  instanceRecord: { _id: string; name: string; pid: number; _createdAt: string };
}

describe('GET /api/v1/instances.get', () => {
  it('lists the running process of every app, from the transport’s registry', async () => {
    const res = await get('instances.get', await adminHeaders()).expect(200);
    const instances = res.body.instances as Instance[];
    expect(instances.map((i) => i.instanceRecord.name).sort()).toEqual(APPS);
    for (const app of APPS) {
      const instance = instances.find((i) => i.instanceRecord.name === app)!;
      expect(instance.instanceRecord.pid).toBe(appProcs(app as never)[0].pid);
      expect(instance.currentStatus.connected).toBe(true);
      expect(instance.address).toEqual(expect.any(String));
    }
    expect(instances.filter((i) => i.currentStatus.local).map((i) => i.instanceRecord.name)).toEqual(['users-rooms']);
  });

  it('drops a stopped or killed replica at once and lists it again once it runs', async () => {
    const headers = await adminHeaders();
    const names = async () =>
      ((await get('instances.get', headers).expect(200)).body.instances as Instance[]).map(
        (i) => i.instanceRecord.name,
      );
    for (const [app, signal] of [
      ['livechat', 'SIGTERM'],
      ['integrations', 'SIGKILL'],
    ] as const) {
      await killApp(app, 0, signal);
      try {
        expect(await names()).not.toContain(app);
      } finally {
        await restartApp(app, 0);
      }
      const res = await get('instances.get', headers).expect(200);
      const listed = (res.body.instances as Instance[]).filter((i) => i.instanceRecord.name === app);
      expect(listed.map((i) => i.instanceRecord.pid)).toEqual([appProcs(app)[0].pid]);
    }
  }, 120_000);

  it('needs view-statistics, a login, and no parameters', async () => {
    const { credentials } = await createUserAndLogin();
    const refused = await get('instances.get', credentials.headers).expect(403);
    expect(refused.body).toEqual({ success: false, error: 'unauthorized' });
    await request().get('/api/v1/instances.get').expect(401);
    const extra = await get('instances.get', await adminHeaders(), { app: 'chat' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
  });
});

describe('licenses.*: an unlicensed Community server', () => {
  it('licenses.info: no licence, no modules; the limits only for view-privileged-setting', async () => {
    const admin = await get('licenses.info', await adminHeaders(), { loadValues: 'true' }).expect(200);
    expect(admin.body.license).toEqual(
      expect.objectContaining({
        activeModules: [],
        hasValidLicense: false,
        trial: false,
        tags: [],
        preventedActions: expect.objectContaining({ activeUsers: false }),
      }),
    );
    expect(admin.body.license.limits.activeUsers).toEqual({ max: -1, value: expect.any(Number) });
    expect(admin.body.license.limits.activeUsers.value).toBeGreaterThan(0);
    const noValues = await get('licenses.info', await adminHeaders()).expect(200);
    expect(noValues.body.license.limits.activeUsers).toEqual({ max: -1 });
    const { credentials } = await createUserAndLogin();
    const plain = await get('licenses.info', credentials.headers).expect(200);
    expect(plain.body.license).toMatchObject({ hasValidLicense: false, limits: {} });
  });

  it('licenses.maxActiveUsers: no cap, and the active users counted as they change', async () => {
    const { credentials } = await createUserAndLogin();
    const before = await get('licenses.maxActiveUsers', credentials.headers).expect(200);
    expect(before.body).toEqual({ success: true, maxActiveUsers: null, activeUsers: expect.any(Number) });
    await createUser();
    await createUser({ active: false });
    const after = await get('licenses.maxActiveUsers', credentials.headers).expect(200);
    expect(after.body.activeUsers).toBe(before.body.activeUsers + 1);
  });

  it('licenses.isEnterprise: false', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('licenses.isEnterprise', credentials.headers).expect(200);
    expect(res.body).toEqual({ success: true, isEnterprise: false });
  });

  it('need a login and known parameters', async () => {
    const { credentials } = await createUserAndLogin();
    for (const route of ['licenses.info', 'licenses.maxActiveUsers', 'licenses.isEnterprise']) {
      await request().get(`/api/v1/${route}`).expect(401);
      const extra = await get(route, credentials.headers, { license: 'x' }).expect(400);
      expect(extra.body.errorType).toBe('invalid-params');
    }
  });
});
