import { toHttpFailure } from './http-failure';
import { RcError } from './rc-error';
import { successEnvelope } from './success-envelope';

describe(toHttpFailure.name, () => {
  it('prints Meteor-style errors as "<reason> [<code>]" with errorType and details, status 400', () => {
    expect(toHttpFailure(RcError.failure('error-room-not-found', 'No room', { rid: 'x' }))).toEqual({
      status: 400,
      body: {
        success: false,
        error: 'No room [error-room-not-found]',
        errorType: 'error-room-not-found',
        details: { rid: 'x' },
      },
    });
    expect(toHttpFailure(RcError.failure('invalid-channel')).body).toEqual({
      success: false,
      error: '[invalid-channel]',
      errorType: 'invalid-channel',
    });
  });

  it('keeps plain errors without errorType', () => {
    expect(toHttpFailure(RcError.plain('User not found.'))).toEqual({
      status: 400,
      body: { success: false, error: 'User not found.' },
    });
  });

  it('maps permission refusals to 403 unauthorized', () => {
    expect(toHttpFailure(RcError.forbidden())).toEqual({
      status: 403,
      body: { success: false, error: 'unauthorized' },
    });
  });

  it('maps missing login to 401 with status/message', () => {
    const { status, body } = toHttpFailure(RcError.notLoggedIn());
    expect(status).toBe(401);
    expect(body).toEqual(
      expect.objectContaining({ status: 'error', message: 'You must be logged in to do this.', success: false }),
    );
  });

  it('maps login failures to 401 without success', () => {
    expect(toHttpFailure(RcError.loginFailed())).toEqual({
      status: 401,
      body: { status: 'error', error: 'Unauthorized', message: 'Unauthorized' },
    });
  });

  it('maps rate limiting, not found and unavailable', () => {
    expect(
      toHttpFailure(new RcError('error-too-many-requests', 'slow down', undefined, 'too-many-requests')).status,
    ).toBe(429);
    expect(toHttpFailure(RcError.notFound())).toEqual({
      status: 404,
      body: { success: false, error: 'Resource not found' },
    });
    expect(toHttpFailure(new RcError('error-service-unavailable', 'down', undefined, 'unavailable')).status).toBe(503);
  });

  it('survives the transport: payload → RcError → same answer', () => {
    const original = RcError.failure('error-invalid-user', 'Invalid user');
    const copy = RcError.fromPayload(JSON.parse(JSON.stringify(original.payload)));
    expect(toHttpFailure(copy)).toEqual(toHttpFailure(original));
  });
});

describe(successEnvelope.name, () => {
  it('adds success:true to objects and leaves arrays and primitives alone', () => {
    expect(successEnvelope({ channel: { _id: 'x' } })).toEqual({ channel: { _id: 'x' }, success: true });
    expect(successEnvelope(undefined)).toEqual({ success: true });
    expect(successEnvelope([1, 2])).toEqual([1, 2]);
    expect(successEnvelope(true)).toBe(true);
  });
});
