/** @module client-errors: requests Node's HTTP parser rejects (huge headers, garbage) still get a JSON error. */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export function answerClientErrorsWithJson(server: unknown): void {
  (server as Server).on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, text] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify({ error: { code: 'bad_request', message: `${text}.` } });
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
