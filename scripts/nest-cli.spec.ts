import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@jest/globals';
import { REPO_ROOT } from '@jipin/core';

test('nest-cli.json lists every app and lib, so nest build and nest start work on each', () => {
  const cli = JSON.parse(readFileSync(join(REPO_ROOT, 'nest-cli.json'), 'utf8'));
  const listed = Object.values(cli.projects as Record<string, { root: string }>).map((p) => p.root);
  const present = ['apps', 'libs'].flatMap((dir) =>
    readdirSync(join(REPO_ROOT, dir))
      .map((name) => `${dir}/${name}`)
      .filter(
        (root) =>
          existsSync(join(REPO_ROOT, root, 'index.ts')) ||
          existsSync(join(REPO_ROOT, root, 'main.ts')),
      ),
  );
  assert.deepEqual([...listed].sort(), present.sort());
});
