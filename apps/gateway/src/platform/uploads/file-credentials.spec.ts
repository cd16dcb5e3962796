import { cookieValue, fileCredentials } from './file-credentials';

describe('fileCredentials', () => {
  const headers = { 'x-user-id': 'hUser', 'x-auth-token': 'hToken' };
  const cookie = 'theme=dark; rc_uid=cUser; rc_token=c%2BToken';

  it("prefers the query's rc_uid/rc_token", () => {
    expect(fileCredentials({ rc_uid: 'qUser', rc_token: 'qToken' }, { ...headers, cookie })).toEqual({
      userId: 'qUser',
      token: 'qToken',
    });
  });

  it('then the cookies, then the headers', () => {
    expect(fileCredentials({}, { ...headers, cookie })).toEqual({ userId: 'cUser', token: 'c+Token' });
    expect(fileCredentials({}, headers)).toEqual({ userId: 'hUser', token: 'hToken' });
  });

  it('is nobody without both parts', () => {
    expect(fileCredentials({ rc_uid: 'qUser' }, {})).toBeNull();
    expect(fileCredentials({}, { 'x-user-id': 'hUser' })).toBeNull();
  });
});

describe('cookieValue', () => {
  it('finds one cookie among others and keeps an undecodable value as it is', () => {
    expect(cookieValue('a=1; rc_uid=x', 'rc_uid')).toBe('x');
    expect(cookieValue('rc_uid=%E0%A4%A', 'rc_uid')).toBe('%E0%A4%A');
    expect(cookieValue(undefined, 'rc_uid')).toBeUndefined();
    expect(cookieValue('xrc_uid=1', 'rc_uid')).toBeUndefined();
  });
});
