import { userSearchFields } from './directory.service';

describe('directory search fields', () => {
  it('reads Accounts_SearchFields, and searches every name field for workspace=all', () => {
    expect(userSearchFields('username, name, bio, nickname')).toEqual(['username', 'name', 'bio', 'nickname']);
    expect(userSearchFields(' username ,,name ')).toEqual(['username', 'name']);
    expect(userSearchFields('')).toEqual(['username', 'name']);
    expect(userSearchFields('bio', 'all')).toEqual(['username', 'name', 'emails.address']);
  });
});
