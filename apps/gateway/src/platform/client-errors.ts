import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** How long a refused connection may go on sending before it is closed. */
const DRAIN_MS = 5000;

/**
 * Requests Node's HTTP parser refuses before any route sees them (a request line or headers over the size limit,
 * a malformed request, a client too slow to send its headers) are answered in Rocket.Chat's failure envelope,
 * like every other refusal: 431, 400 or 408 with `{success: false, error}`. Node's own answer has no body.
 *
 * The answer is written, then the connection is half-closed and what the client still sends is read and dropped
 * for a while: closing a socket with unread data resets it, and the client would lose the answer.
 */
export function answerClientErrorsInEnvelope(server: Server): void {
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (answered.has(socket)) {
      return;
    }
    answered.add(socket);
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({ success: false, error: STATUS_CODES[status] ?? 'Bad Request' });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    socket.on('error', () => socket.destroy());
    socket.resume();
    setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  });
}
