import { NestApplicationOptions, StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express, Response } from 'express';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { successEnvelope } from '@app/envelope';
import type { RouteInfo } from './route-table';

type RoutedResponse = Response & { req: { method: string; route?: { path?: string } } };

/**
 * The success envelope, applied where Nest hands a handler's result to express: `success: true` beside the
 * payload's keys, and 200 for every success (Nest's default for POST is 201; Rocket.Chat answers 200). Done here
 * rather than in a global interceptor, so a request goes through no interceptor chain (RxJS observables and an
 * async resource per request), which was a measurable share of the gateway's CPU per call (bench/README.md).
 * Routes marked `RawResponse` (their result is the whole body) are looked up by method and path.
 */
export class EnvelopeExpressAdapter extends ExpressAdapter {
  private readonly raw: ReadonlySet<string>;

  constructor(routes: readonly RouteInfo[]) {
    super();
    this.raw = new Set(routes.filter((r) => r.raw).map((r) => `${r.method} ${r.path}`));
  }

  override reply(response: unknown, body: unknown, statusCode?: number): unknown {
    const res = response as RoutedResponse;
    const raw = this.raw.size > 0 && this.raw.has(`${res.req.method} ${res.req.route?.path ?? ''}`);
    const status = statusCode === 201 ? 200 : statusCode;
    const payload = raw ? body : successEnvelope(body);
    if (payload === null || typeof payload !== 'object' || payload instanceof StreamableFile || res.headersSent) {
      return super.reply(response, payload, status);
    }
    // JSON written straight to the socket: what express's res.json would send, without its per-call work
    res.statusCode = status ?? 200;
    res.setHeader('Content-Type', 'application/json'); // Rocket.Chat's exact header (platform/json-content-type.ts)
    res.end(JSON.stringify(payload));
    return undefined;
  }

  /**
   * The HTTP server builds each request and response with express's prototypes from the start. Express gives
   * them its prototypes per request (`Object.setPrototypeOf` in `app.handle`), and V8 then kept the pair and
   * what hangs from them alive through two young-generation collections: about a fifth of what the gateway
   * allocated reached the old generation, and each scavenge copied megabytes (bench/README.md, "Express's
   * prototypes"). Here the server's own classes sit below express's prototypes, and `app.request` and
   * `app.response` name them, so that call finds the prototype in place and changes nothing. HTTPS and
   * `forceCloseConnections` (neither used by the gateway) keep Nest's own server.
   */
  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections) {
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    class ExpressRequest extends IncomingMessage {}
    class ExpressResponse extends ServerResponse {}
    Object.setPrototypeOf(ExpressRequest.prototype, app.request);
    Object.setPrototypeOf(ExpressResponse.prototype, app.response);
    app.request = ExpressRequest.prototype as unknown as Express['request'];
    app.response = ExpressResponse.prototype as unknown as Express['response'];
    this.httpServer = createServer({ IncomingMessage: ExpressRequest, ServerResponse: ExpressResponse }, app);
  }

  /**
   * On shutdown, a kept-alive connection closes as soon as it is idle: node's `close()` closes those idle at that
   * moment, but one whose answer is still being written would stay open for the whole keep-alive timeout
   * (HTTP_KEEP_ALIVE_TIMEOUT_MS, 65 s) and hold the shutdown until SHUTDOWN_TIMEOUT_MS cut it short.
   */
  override close(): Promise<unknown> | undefined {
    const server = this.getHttpServer() as Server | undefined;
    if (server) {
      server.keepAliveTimeout = 1;
    }
    return super.close();
  }
}
