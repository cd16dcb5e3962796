import { PermissionStore } from './permission-store';

describe(PermissionStore.name, () => {
  const docs = [
    { _id: 'create-user', roles: ['admin'] },
    { _id: 'view-c-room', roles: ['admin', 'user', 'bot'] },
  ];

  it('grants a permission held by any of the roles', async () => {
    const sut = new PermissionStore(() => Promise.resolve(docs));
    await expect(sut.hasPermission(['user'], 'view-c-room')).resolves.toBe(true);
    await expect(sut.hasPermission(['user'], 'create-user')).resolves.toBe(false);
    await expect(sut.hasPermission(['user', 'admin'], 'create-user')).resolves.toBe(true);
    await expect(sut.hasPermission(['admin'], 'no-such-permission')).resolves.toBe(false);
  });

  it('loads once and reloads after invalidation', async () => {
    let calls = 0;
    let roles = ['admin'];
    const sut = new PermissionStore(() => {
      calls++;
      return Promise.resolve([{ _id: 'p', roles }]);
    });
    await sut.hasPermission(['user'], 'p');
    await sut.hasPermission(['user'], 'p');
    expect(calls).toBe(1);
    roles = ['user'];
    sut.invalidate();
    await expect(sut.hasPermission(['user'], 'p')).resolves.toBe(true);
    expect(calls).toBe(2);
  });

  it('checks all and any', async () => {
    const sut = new PermissionStore(() => Promise.resolve(docs));
    await expect(sut.hasAll(['admin'], ['create-user', 'view-c-room'])).resolves.toBe(true);
    await expect(sut.hasAll(['user'], ['create-user', 'view-c-room'])).resolves.toBe(false);
    await expect(sut.hasAny(['user'], ['create-user', 'view-c-room'])).resolves.toBe(true);
  });
});
