import type { FastifyReply } from 'fastify';

const texts = new WeakMap<object, string>();

/**
 * The JSON text of an answer kept in memory and given to many requests (a page of the list or a
 * search held by GenerationCache): written once per kept answer, not once per request. Turning
 * a page of twenty vacancies into JSON was a third of the list's CPU under load (issue 23).
 * Fastify sends a string with a JSON content type as it is.
 */
export function keptJson(reply: FastifyReply, answer: object): string {
  let text = texts.get(answer);
  if (text === undefined) {
    text = JSON.stringify(answer);
    texts.set(answer, text);
  }
  void reply.type('application/json; charset=utf-8');
  return text;
}
