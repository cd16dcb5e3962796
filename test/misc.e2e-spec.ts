/** Server-wide endpoints: /api/info. */
import { adminHeaders, request } from './helpers/api';

describe('GET /api/info', () => {
  it('answers "major.minor" to anonymous callers', async () => {
    const res = await request().get('/api/info').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ version: expect.stringMatching(/^\d+\.\d+$/), success: true });
  });

  it('answers build details to a caller with view-statistics', async () => {
    const res = await request()
      .get('/api/info')
      .set({ ...(await adminHeaders()) })
      .expect(200);
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(res.body.info).toEqual(expect.objectContaining({ version: res.body.version, build: expect.any(Object) }));
  });

  it('ignores invalid credentials instead of failing', async () => {
    const res = await request().get('/api/info').set({ 'X-User-Id': 'nobody', 'X-Auth-Token': 'bad' }).expect(200);
    expect(res.body.info).toBeUndefined();
  });
});
