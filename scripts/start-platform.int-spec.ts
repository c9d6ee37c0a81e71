import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { PlatformProcess, platformEnv } from '@jipin/testing';

test('with no database configured the platform starts on embedded PostgreSQL, and again after a restart with its data kept', async () => {
  const env = platformEnv();
  const login = (platform: PlatformProcess) =>
    fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '13800000001', password: 'Jipin2026' }),
    });

  const first = new PlatformProcess(env);
  try {
    const ready = await first.ready();
    assert.deepEqual(
      ready.checks.map((c) => c.name),
      ['database', 'queue:postgres', ...ready.checks.slice(2).map((c) => c.name)],
    );
    assert.match(first.output.join(''), /no DATABASE_URL: embedded mode/);
    assert.equal((await login(first)).status, 200, 'the demo admin was seeded');
  } finally {
    await first.stop();
  }

  const second = new PlatformProcess(env);
  try {
    await second.ready();
    assert.equal((await login(second)).status, 200, 'data kept across the restart');
    assert.doesNotMatch(
      second.output.join(''),
      /demo data loaded/,
      'demo data is loaded only once',
    );
  } finally {
    await second.stop();
  }
}, 240000);
