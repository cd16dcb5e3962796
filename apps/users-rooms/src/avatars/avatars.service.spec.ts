import { formatBytes, imageContentType } from './avatars.service';
import { isNotModified } from './user-avatar.service';

describe('avatar rules', () => {
  it('accepts image content types only, without parameters', () => {
    expect(imageContentType('image/png')).toBe('image/png');
    expect(imageContentType('Image/JPEG; charset=binary')).toBe('image/jpeg');
    expect(imageContentType('image/svg+xml')).toBe('image/svg+xml');
    expect(imageContentType('text/html')).toBeUndefined();
    expect(imageContentType('image/')).toBeUndefined();
    expect(imageContentType('image/png\r\nx-evil: 1')).toBeUndefined();
    expect(imageContentType(undefined)).toBeUndefined();
  });

  it('infers the type of a generic upload from its file name', () => {
    expect(imageContentType('application/octet-stream', 'me.JPG')).toBe('image/jpeg');
    expect(imageContentType('', 'me.webp')).toBe('image/webp');
    expect(imageContentType('application/octet-stream', 'me.txt')).toBeUndefined();
    expect(imageContentType('text/plain', 'me.png')).toBeUndefined();
  });

  it('prints sizes as Rocket.Chat does in its size message', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(104857600)).toBe('100 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10)).toBe('10 bytes');
  });

  it('revalidates by entity tag first, else by date', () => {
    const date = 'Thu, 01 Jan 2015 00:00:00 GMT';
    expect(isNotModified({ ifNoneMatch: '"a"' }, '"a"', date)).toBe(true);
    expect(isNotModified({ ifNoneMatch: 'W/"a", "b"' }, '"a"', date)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, '"a"', date)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"b"', ifModifiedSince: date }, '"a"', date)).toBe(false);
    expect(isNotModified({ ifModifiedSince: date }, '"a"', date)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Fri, 02 Jan 2015 00:00:00 GMT' }, '"a"', date)).toBe(false);
    expect(isNotModified({}, '"a"', date)).toBe(false);
  });
});
