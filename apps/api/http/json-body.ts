import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RawServerDefault } from 'fastify';
import { invalid } from '@jipin/core';

/** No form of this API nests deeper than a few levels; 5,000 levels overflowed class-transformer's stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses JSON bodies as Fastify does, after measuring how deep the text
 * nests, so a deep body is refused before anything recurses over it.
 */
export function limitJsonDepth(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (nestingDepth(text) > MAX_JSON_DEPTH)
      return done(
        invalid('body_too_deep', `请求体嵌套层数过多，最多${MAX_JSON_DEPTH}层`, [
          { message: `JSON 嵌套超过${MAX_JSON_DEPTH}层` },
        ]),
        undefined,
      );
    void parseJson(request, text, done);
  });
}

/** The deepest nesting of arrays and objects in JSON text, reading past strings; one pass, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}
