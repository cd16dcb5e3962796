import { isAcceptedMediaType, maxUploadBytes } from './upload-rules';

describe('isAcceptedMediaType', () => {
  it('accepts every type when neither list names one', () => {
    expect(isAcceptedMediaType('application/pdf', '', '')).toBe(true);
    expect(isAcceptedMediaType('image/svg+xml', '*', '')).toBe(true);
  });

  it("refuses the default black list's SVG, and a type its wildcard covers", () => {
    expect(isAcceptedMediaType('image/svg+xml', '', 'image/svg+xml')).toBe(false);
    expect(isAcceptedMediaType('image/png', '', 'image/svg+xml')).toBe(true);
    expect(isAcceptedMediaType('video/mp4', '', 'text/plain, video/*')).toBe(false);
  });

  it('accepts only what the white list names, itself or by wildcard', () => {
    expect(isAcceptedMediaType('image/png', 'image/*,application/pdf', '')).toBe(true);
    expect(isAcceptedMediaType('application/pdf', 'image/*, application/pdf', '')).toBe(true);
    expect(isAcceptedMediaType('text/plain', 'image/*,application/pdf', '')).toBe(false);
    // a wildcard needs the group before the slash: `*/*` is not a wildcard of any type
    expect(isAcceptedMediaType('text/plain', '*/*', '')).toBe(false);
  });

  it('lets the black list win over the white list', () => {
    expect(isAcceptedMediaType('image/svg+xml', 'image/*', 'image/svg+xml')).toBe(false);
  });

  it('refuses a missing type when a list is set', () => {
    expect(isAcceptedMediaType(undefined, '', 'image/svg+xml')).toBe(false);
    expect(isAcceptedMediaType('', 'image/*', '')).toBe(false);
    expect(isAcceptedMediaType(undefined, '', '')).toBe(true);
  });
});

describe('maxUploadBytes', () => {
  it('reads -1 as no limit and 0 as nothing but empty files', () => {
    expect(maxUploadBytes(-1)).toBeUndefined();
    expect(maxUploadBytes(0)).toBe(0);
    expect(maxUploadBytes(104857600)).toBe(104857600);
  });
});
