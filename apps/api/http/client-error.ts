import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What the API says to a request it could not even parse (a line or headers too long, bytes
 * that are not HTTP): the error body the rest of the API uses, in Chinese, instead of
 * Fastify's English "Client Error". Cases as Fastify's own handler: a reset connection gets
 * nothing, a slow request 408, headers over the size limit 431, anything else 400.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', '请求发送得太慢，连接已断开，请重试']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request_too_large', '请求的地址或头部过长，请缩短搜索词或地址后重试']
        : [400, 'malformed_request', '请求的格式不正确，无法处理'];
  const body = JSON.stringify({ code, message });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
