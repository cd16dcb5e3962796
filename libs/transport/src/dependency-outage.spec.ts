import { ArgumentsHost, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { lastValueFrom, Observable } from 'rxjs';
import { MongoBulkWriteError, MongoNetworkError, MongoServerError } from 'mongodb';
import { RcError } from '@app/envelope';
import { isDependencyOutage, ServiceExceptionFilter } from './dependency-outage';
import { StreamsContext } from './streams.context';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe(isDependencyOutage.name, () => {
  it.each([
    named('MongoNetworkError', 'connection 10 to 127.0.0.1:27017 closed'),
    named('MongoServerSelectionError'),
    named('MongoPoolClearedError'),
    named('MongooseServerSelectionError'),
    named('MaxRetriesPerRequestError'),
    coded('EPIPE', 'This socket has been ended by the other party'),
    coded('ECONNREFUSED'),
    named('MongooseError', 'Operation `users.findOne()` buffering timed out after 10000ms'),
    new Error('Connection is closed.'),
    Object.assign(new Error('wrapped'), { cause: named('MongoNetworkError') }),
    // what insertMany / bulkWrite throw when the connection fails under them
    new MongoBulkWriteError(new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017'), {} as never),
  ])('takes %s for an outage', (err) => {
    expect(isDependencyOutage(err)).toBe(true);
  });

  it.each([
    new Error('boom'),
    named('MongoServerError', 'E11000 duplicate key error'),
    new MongoBulkWriteError(
      new MongoServerError({ errmsg: 'E11000 duplicate key error', code: 11000, writeErrors: [] }),
      {} as never,
    ),
    named('ValidationError'),
    RcError.failure('error-invalid-user'),
    undefined,
    'a string',
  ])('does not take %s for one', (err) => {
    expect(isDependencyOutage(err)).toBe(false);
  });
});

describe(ServiceExceptionFilter.name, () => {
  const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;
  const sut = new ServiceExceptionFilter({ catch: jest.fn() } as unknown as BaseExceptionFilter);

  it('answers an outage on the transport with the 503 payload', async () => {
    const out = sut.catch(named('MongoNetworkError'), rpcHost) as Observable<unknown>;
    await expect(lastValueFrom(out)).rejects.toEqual(
      expect.objectContaining({ rc: 1, kind: 'unavailable', errorType: 'error-service-unavailable' }),
    );
  });

  it('passes business refusals on unchanged, and other errors as Nest does', async () => {
    const refusal = RcError.failure('error-invalid-user', 'Invalid user');
    await expect(lastValueFrom(sut.catch(refusal, rpcHost) as Observable<unknown>)).rejects.toEqual(refusal.payload);
    await expect(lastValueFrom(sut.catch(new Error('boom'), rpcHost) as Observable<unknown>)).rejects.toEqual({
      status: 'error',
      message: 'Internal server error',
    });
  });

  it('logs an unexpected error with its stack and the id of the call that failed', async () => {
    const errors: unknown[][] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    const ctx = new StreamsContext(['client:9', 'chat.postMessage', false, '1-0']);
    const host = { getType: () => 'rpc', switchToRpc: () => ({ getContext: () => ctx }) } as unknown as ArgumentsHost;
    const boom = new Error('boom');
    await expect(lastValueFrom(sut.catch(boom, host) as Observable<unknown>)).rejects.toEqual({
      status: 'error',
      message: 'Internal server error',
    });
    expect(errors).toEqual([[{ callId: 'client:9' }, boom.stack]]);
    jest.restoreAllMocks();
  });

  it('leaves HTTP to Nest’s own filter', () => {
    const http = { catch: jest.fn() };
    const filter = new ServiceExceptionFilter(http as unknown as BaseExceptionFilter);
    const host = { getType: () => 'http' } as unknown as ArgumentsHost;
    filter.catch(new Error('x'), host);
    expect(http.catch).toHaveBeenCalled();
  });
});
