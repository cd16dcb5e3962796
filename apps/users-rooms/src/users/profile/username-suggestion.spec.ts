import { numberedSuggestion, slugify, usernameCandidates } from './username-suggestion';

const DEFAULT_PATTERN = '[0-9a-zA-Z-_.]+';

describe('users.getUsernameSuggestion rules', () => {
  it('slugifies like limax with dots: lower case, no accents, one dot between words', () => {
    expect(slugify('John Doe')).toBe('john.doe');
    expect(slugify('  José  Ñúñez ')).toBe('jose.nunez');
    expect(slugify('Anna-Lena  (Ops)')).toBe('anna.lena.ops');
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('!!!')).toBe('');
  });

  it('derives candidates from the name in Rocket.Chat’s order', () => {
    expect(usernameCandidates({ name: 'John Ronald Doe' }, { slugifyNames: true, pattern: DEFAULT_PATTERN })).toEqual([
      'john.ronald.doe',
      'jdoe',
      'johnd',
    ]);
    expect(usernameCandidates({ name: 'Cher' }, { slugifyNames: true, pattern: DEFAULT_PATTERN })).toEqual(['cher']);
  });

  it('adds the local part of verified e-mails only', () => {
    const sut = usernameCandidates(
      {
        name: 'Ann Lee',
        emails: [
          { address: 'ann.lee@example.com', verified: false },
          { address: 'al@corp.example.org', verified: true },
        ],
      },
      { slugifyNames: true, pattern: DEFAULT_PATTERN },
    );
    expect(sut).toEqual(['ann.lee', 'alee', 'annl', 'al', 'al.corp']);
  });

  it('keeps only names the username pattern accepts, never `all`', () => {
    expect(usernameCandidates({ name: 'John Doe' }, { slugifyNames: false, pattern: DEFAULT_PATTERN })).toEqual([
      'JDoe',
      'JohnD',
    ]);
    expect(usernameCandidates({ name: 'All' }, { slugifyNames: true, pattern: DEFAULT_PATTERN })).toEqual([]);
    expect(usernameCandidates({ name: 'ab cd' }, { slugifyNames: true, pattern: '[a-z]+' })).toEqual(['acd', 'abc']);
  });

  it('has nothing to offer without name or verified e-mail', () => {
    expect(usernameCandidates({}, { slugifyNames: true, pattern: DEFAULT_PATTERN })).toEqual([]);
  });

  it('numbers the fallback', () => {
    expect(numberedSuggestion('user', 3)).toBe('user-3');
  });
});
