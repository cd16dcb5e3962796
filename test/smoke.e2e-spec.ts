/** The harness itself: every app is ready, the admin from ADMIN_* can log in, fixtures can be made. */
import { adminCredentials, adminHeaders, createChannel, createUserAndLogin, login, request } from './helpers/api';
import { httpStatus } from '../scripts/infra';
import { appProcs } from './helpers/processes';

describe('e2e harness', () => {
  it('has every app ready', async () => {
    for (const p of appProcs()) {
      const port = p.app === 'gateway' ? p.port : p.healthPort;
      expect([p.app, await httpStatus(`http://127.0.0.1:${String(port)}/health/ready`)]).toEqual([p.app, 200]);
    }
  });

  it('logs the admin in', async () => {
    const { username, password } = adminCredentials();
    const admin = await login(username, password);
    expect(admin.userId).toEqual(expect.any(String));
    expect(admin.authToken).toEqual(expect.any(String));
  });

  it('rejects a wrong password', async () => {
    const res = await request().post('/api/v1/login').send({ user: adminCredentials().username, password: 'wrong' });
    expect(res.status).toBe(401);
  });

  it('creates a user who can log in and create a channel', async () => {
    await adminHeaders();
    const { user, credentials } = await createUserAndLogin();
    expect(credentials.userId).toBe(user._id);
    const channel = await createChannel(credentials.headers);
    expect(channel._id).toEqual(expect.any(String));
  });
});
