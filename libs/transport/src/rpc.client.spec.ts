import { ChatPattern, UsersPattern } from '@app/contracts';
import { RcError, RemoteServiceError } from '@app/envelope';
import { CallFailure, RpcTimeoutError } from './redis-streams.client';
import { toRcError } from './rpc.client';

describe('what a failed call becomes for its caller', () => {
  it('an unexpected failure names the call, whose id the service logged', () => {
    const err = toRcError(new CallFailure('client:7', { status: 'error', message: 'boom' }), ChatPattern.PostMessage);
    expect(err).toBeInstanceOf(RemoteServiceError);
    expect(err.message).toBe(`${ChatPattern.PostMessage}: boom`);
    expect((err as RemoteServiceError).callId).toBe('client:7');
  });

  it("a service's refusal stays the same RcError", () => {
    const refusal = RcError.failure('error-room-not-found', 'The required "roomId" param provided does not match any');
    const err = toRcError(new CallFailure('client:8', refusal.payload), UsersPattern.Info);
    expect(err).toBeInstanceOf(RcError);
    expect((err as RcError).payload.errorType).toBe('error-room-not-found');
  });

  it('no answer in time is unavailable', () => {
    const err = toRcError(new RpcTimeoutError(ChatPattern.PostMessage, 5000), ChatPattern.PostMessage);
    expect(err).toBeInstanceOf(RcError);
    expect((err as RcError).payload.errorType).toBe('error-service-unavailable');
  });
});
