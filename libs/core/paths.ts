import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Where files loaded by path at run time live (entities, migrations, data files, worker
 * scripts, the apps' entry points). Compiled, this file is dist/libs/core/paths.js (CommonJS,
 * so __dirname is set); under Jest the sources run as ES modules, where __dirname is
 * undefined and the repository is found from the working directory.
 */
const here = typeof __dirname === 'string' ? __dirname : process.cwd();

/** The repository: source, data files, the built web app. */
export const REPO_ROOT = findRepository(here);

/** The compiled tree that `npm run build` writes. */
export const DIST_ROOT = join(REPO_ROOT, 'dist');

const compiled = !relative(DIST_ROOT, here).startsWith('..');

/** The tree the running code comes from: dist/ when compiled, the sources under Jest. */
export const CODE_ROOT = compiled ? DIST_ROOT : REPO_ROOT;

/** The extension of the running tree's code files. */
export const CODE_EXTENSION = compiled ? '.js' : '.ts';

/** Glob pattern for code files of the running tree, e.g. codeGlob('libs', '**', '*.entity'). */
export function codeGlob(...segments: string[]): string {
  return join(CODE_ROOT, ...segments) + CODE_EXTENSION;
}

/**
 * Node's flags for the API and the worker, wherever they are started (start script, tests,
 * benchmarks; package.json and docker/ repeat them, checked by app-node-flags.spec.ts). The
 * API's memory under load was garbage waiting for a GC, not live data (issue 23):
 * - 8 MiB semi-spaces: on a machine with much memory Node 24 gives the young generation up to
 *   128 MiB, which the API filled;
 * - the old generation grows by a quarter of what survived the last full GC before the next,
 *   where V8 let it double: the API's old space went from 60 MiB live to 130 MiB of garbage.
 * Peak RSS in `npm run bench` 298–300 → 239 MiB, with no CPU per request measured
 * (docs/benchmarks.md, "Sixth pass").
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=25'];

/** A compiled file, e.g. an app's main.js or a worker-thread script: always from dist/. */
export function compiledFile(...segments: string[]): string {
  return join(DIST_ROOT, ...segments);
}

function findRepository(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'jipin')
      return dir;
    if (dirname(dir) === dir) throw new Error(`no jipin repository above ${start}`);
  }
}
