import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Set by the web app (offline.ts) once the service worker holds the file it names. */
const CODE_COOKIE = 'jipin_code';

/**
 * The web app's index.html in its two forms (apps/web/build/inline-first-load.mjs): with the
 * first load's code inside it for a first visit, where a request more cost 1.5 s at the
 * slow-3G profile; plain once the service worker has the code, which then comes from there
 * and need not cross the network with every page. Read once: a new build comes with a restart.
 */
export class WebAppPage {
  private readonly leanFile = 'index.html';
  private readonly inlineFile = 'index.inline.html';
  private lean?: string;
  private inline?: string;
  /** The first load's files, as the inline page names them: what the cookie may name. */
  private firstLoadFiles?: Set<string>;
  private readonly hasInline: boolean;

  constructor(private readonly webDist: string) {
    this.hasInline = existsSync(join(webDist, this.inlineFile));
  }

  /** The file to send to this request, under webDist. */
  fileFor(request: FastifyRequest): string {
    return this.hasInline && !this.codeKept(request) ? this.inlineFile : this.leanFile;
  }

  /** Its text, for the pages drawn with their first screen (first-screen.ts). */
  htmlFor(request: FastifyRequest): string {
    if (this.fileFor(request) === this.inlineFile) return this.inlineHtml();
    return (this.lean ??= readFileSync(join(this.webDist, this.leanFile), 'utf8'));
  }

  /** The plain app, revalidated on each visit like the file itself. */
  send(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    return reply.header('vary', 'accept-encoding, cookie').sendFile(this.fileFor(request));
  }

  /** The cookie names a file of this build's first load: the worker has this build's code. */
  private codeKept(request: FastifyRequest): boolean {
    const file = cookieValue(request.headers.cookie, CODE_COOKIE);
    if (!file) return false;
    this.firstLoadFiles ??= new Set(
      [...this.inlineHtml().matchAll(/data-jipin-code="\/assets\/([^"]+)"/g)].map((m) => m[1]),
    );
    return this.firstLoadFiles.has(file);
  }

  private inlineHtml(): string {
    return (this.inline ??= readFileSync(join(this.webDist, this.inlineFile), 'utf8'));
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
