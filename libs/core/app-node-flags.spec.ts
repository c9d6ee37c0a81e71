import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { APP_NODE_FLAGS, REPO_ROOT } from './paths';

const read = (...path: string[]) => readFileSync(join(REPO_ROOT, ...path), 'utf8');

/** The JSON arrays of `command: [...]` (compose) and `CMD [...]` (Dockerfile) lines. */
function execForms(text: string): string[][] {
  return [...text.matchAll(/^\s*(?:command:|CMD)\s*(\[.*\])\s*$/gm)].map(
    ([, array]) => JSON.parse(array) as string[],
  );
}

describe("the apps' Node flags (issue 23: the API's memory under load)", () => {
  /** Runs `script` under the flags and returns what it prints (Node refuses an unknown flag). */
  const runWithFlags = (script: string) =>
    Number(execFileSync(process.execPath, [...APP_NODE_FLAGS, '-e', script], { encoding: 'utf8' }));
  /**
   * The largest `space` reached, in MiB, with ~40 MiB live and a stream of objects that outlive
   * the young generation.
   */
  const churn = (space: 'new_space' | 'old_space') => `
    const v8 = require('v8');
    const size = (name) => v8.getHeapSpaceStatistics().find((s) => s.space_name === name).space_size;
    const live = Array.from({ length: 400000 }, (_, i) => ({ i, s: 'live' + i }));
    const ring = new Array(300000);
    let largest = 0;
    for (let i = 0; i < 8e6; i++) {
      ring[i % ring.length] = { i, s: 'x' + i };
      if (i % 20000 === 0) largest = Math.max(largest, size('${space}'));
    }
    console.log(live.length && largest / 2 ** 20);`;

  test('the young generation stays small (Node 24 lets it reach 128 MiB here)', () => {
    // Two 8 MiB semi-spaces; V8 reports a few pages more while it scavenges.
    const largest = runWithFlags(churn('new_space'));
    assert.ok(largest <= 40, `new space reached ${largest} MiB`);
  });

  test('the old generation grows by a quarter of what lives, not double (368 MiB without)', () => {
    const largest = runWithFlags(churn('old_space'));
    assert.ok(largest <= 180, `old space reached ${largest} MiB`);
  });

  test('npm start:api and start:worker use them', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    for (const app of ['api', 'worker'])
      assert.equal(
        scripts[`start:${app}`],
        `node ${APP_NODE_FLAGS.join(' ')} dist/apps/${app}/main.js`,
      );
  });

  test('the Docker image and compose file use them', () => {
    const started = [
      ...execForms(read('docker', 'Dockerfile')),
      ...execForms(read('docker', 'compose.yaml')),
    ].filter((command) => command.some((arg) => /^dist\/apps\/(api|worker)\/main\.js$/.test(arg)));
    assert.equal(started.length, 3, 'the image, the api and the worker services');
    for (const command of started)
      assert.deepEqual(command.slice(0, -1), ['node', ...APP_NODE_FLAGS]);
  });
});
