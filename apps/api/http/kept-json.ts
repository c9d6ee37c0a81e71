import type { FastifyReply } from 'fastify';
import { acceptedEncoding, compress, Encoding } from './compression';

/** An answer's JSON text, and its compressed forms once a browser has asked for them. */
interface Written {
  text: string;
  compressed: Partial<Record<Encoding, Buffer>>;
}

const written = new WeakMap<object, Written>();

/** Smaller answers gain less from compression than its header costs. */
const COMPRESSED_FROM_BYTES = 1024;

/**
 * The JSON of an answer kept in memory and given to many requests (a page of the list or a
 * search held by GenerationCache, a reference list): written once per kept answer, not once
 * per request. Turning a page of twenty vacancies into JSON was a third of the list's CPU
 * under load (issue 23). Compressed once too, for browsers that accept it: on a weak signal
 * (400 kbps) the townships list alone was 9.5 KB before the page could start, 1.3 KB in
 * brotli. Fastify sends a string or buffer with a JSON content type as it is.
 */
export function keptJson(reply: FastifyReply, answer: object): string | Buffer {
  let json = written.get(answer);
  if (json === undefined) {
    json = { text: JSON.stringify(answer), compressed: {} };
    written.set(answer, json);
  }
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  const encoding = acceptedEncoding(reply.request.headers['accept-encoding']);
  if (!encoding || json.text.length < COMPRESSED_FROM_BYTES) return json.text;
  json.compressed[encoding] ??= compress(json.text, encoding);
  void reply.header('content-encoding', encoding);
  return json.compressed[encoding];
}
