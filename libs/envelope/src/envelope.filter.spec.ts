import { ArgumentsHost, Logger } from '@nestjs/common';
import { EnvelopeExceptionFilter } from './envelope.filter';
import { RemoteServiceError } from './rc-error';

function httpHost(headers: Record<string, string>) {
  const res = {
    headersSent: false,
    statusCode: 0,
    body: undefined as unknown,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
  };
  const req = { path: '/api/v1/chat.postMessage', headers };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  return { res, host };
}

describe('the gateway filter on a failed call', () => {
  let warns: unknown[][];

  beforeEach(() => {
    warns = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((...args: unknown[]) => void warns.push(args));
  });

  afterEach(() => jest.restoreAllMocks());

  const failed = () => Object.assign(new RemoteServiceError('chat.postMessage', 'boom'), { callId: 'client:3' });

  it("answers 500 and names the call (the service's line names it too) and the client's request id", () => {
    const { res, host } = httpHost({ 'x-request-id': 'abc-1' });
    new EnvelopeExceptionFilter().catch(failed(), host);
    expect(res.statusCode).toBe(500);
    expect(res.body).toEqual({ success: false, error: 'Internal server error' });
    expect(warns).toEqual([[{ reqId: 'abc-1', callId: 'client:3' }, 'chat.postMessage: boom']]);
  });

  const unnamed: Record<string, string>[] = [{}, { 'x-request-id': 'not a plain id' }];

  it.each(unnamed)('makes up no request id (headers %j)', (headers) => {
    const { host } = httpHost(headers);
    new EnvelopeExceptionFilter().catch(failed(), host);
    expect(warns).toEqual([[{ callId: 'client:3' }, 'chat.postMessage: boom']]);
  });
});
