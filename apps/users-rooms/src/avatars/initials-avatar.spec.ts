import { avatarColor, clampAvatarSize, contentETag, initialsOf, renderInitialsSvg } from './initials-avatar';

describe('initials avatar', () => {
  it('takes the first ASCII letter or digit of a username, upper case', () => {
    expect(initialsOf('john.doe')).toBe('J');
    expect(initialsOf('_42x')).toBe('4');
    expect(initialsOf('.émile')).toBe('M');
  });

  it('takes up to three initials of a real name', () => {
    expect(initialsOf('John Ronald Reuel Tolkien', true)).toBe('JRR');
    expect(initialsOf('ada lovelace', true)).toBe('AL');
  });

  it('colors by the length of the name from a fixed palette', () => {
    expect(avatarColor('abc')).toBe(avatarColor('xyz'));
    expect(avatarColor('ab')).not.toBe(avatarColor('abc'));
    expect(avatarColor('abcdef')).toBe('#158D65');
  });

  it('renders an SVG of the requested size', () => {
    const svg = renderInitialsSvg('bob', 64);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 64 64">/);
    expect(svg).toContain(`fill="${avatarColor('bob')}"`);
    expect(svg).toContain('font-size="40"');
    expect(svg).toContain('\nB\n');
    expect(renderInitialsSvg('bob')).toContain('viewBox="0 0 200 200"');
  });

  it('makes the font smaller for more initials', () => {
    expect(renderInitialsSvg('Ada Lovelace', 100, true)).toContain('font-size="50"');
  });

  it('draws "?" in black', () => {
    const svg = renderInitialsSvg('?');
    expect(svg).toContain('fill="#000"');
    expect(svg).toContain('\n?\n');
  });

  it('keeps markup out of the SVG', () => {
    const svg = renderInitialsSvg('<script>alert(1)</script>', 100, true);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('\nS\n');
  });

  it('clamps ?size= to 16..1024 and ignores nonsense', () => {
    expect(clampAvatarSize(undefined)).toBeUndefined();
    expect(clampAvatarSize(Number.NaN)).toBeUndefined();
    expect(clampAvatarSize(0)).toBeUndefined();
    expect(clampAvatarSize(4)).toBe(16);
    expect(clampAvatarSize(64.7)).toBe(64);
    expect(clampAvatarSize(5000)).toBe(1024);
  });

  it('tags equal bodies equally', () => {
    expect(contentETag('a')).toBe(contentETag('a'));
    expect(contentETag('a')).not.toBe(contentETag('b'));
    expect(contentETag('a')).toMatch(/^"[\w-]{22}"$/);
  });
});
