import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from 'pg';
import { JobQueue, QueueName } from '@jipin/core';
import {
  eventually,
  gigBody,
  registerEmployer,
  registerGigWorker,
  TestApi,
  TestEmployer,
} from '@jipin/testing';

/**
 * A stop that comes while a job is half-way waits for it, and the job can still
 * do everything it needs: its statements and the follow-up job it enqueues.
 */
let api: TestApi;
let employer: TestEmployer;

beforeAll(async () => {
  api = await TestApi.start('stop-mid-job', { GIG_WAVE_SIZE: '1' });
  employer = await registerEmployer(api);
  // Two free workers nearby: a wave of one is full, so it schedules the next wave.
  await registerGigWorker(api);
  await registerGigWorker(api);
});
afterAll(async () => api?.close());

test('a dispatch wave running when the worker stops finishes and schedules the next wave', async () => {
  const blocker = new Client({ connectionString: api.database.url });
  await blocker.connect();
  try {
    // Holds the wave at its insert into gig_offers until the stop has begun.
    await blocker.query('begin');
    await blocker.query('lock table gig_offers in exclusive mode');
    const worker = await api.startWorker();
    const posted = await api.post('/api/gigs', gigBody({ headcount: 5 }), {
      token: employer.owner.token,
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    await eventually(async () => {
      const [{ n }] = await api.dataSource.query(
        `select count(*)::int as n from pg_stat_activity
         where wait_event_type = 'Lock' and query like 'insert into gig_offers%'`,
      );
      return n === 1;
    }, 30000);

    const stopped = worker.stop().then(() => 'stopped');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await blocker.query('commit');
    const outcome = await Promise.race([
      stopped,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 30000)),
    ]);
    assert.equal(outcome, 'stopped');

    const gigs = api.app.get(JobQueue).queue(QueueName.Gigs);
    const first = await gigs.getJob(`gig-${posted.body.id}-wave-1`);
    assert.equal(await first?.getState(), 'completed', first?.failedReason);
    const next = await gigs.getJob(`gig-${posted.body.id}-wave-2`);
    assert.equal(await next?.getState(), 'delayed', 'the next wave is scheduled, not lost');
    const [{ n }] = await api.dataSource.query(
      `select count(*)::int as n from notifications where kind = 'gig_offer'`,
    );
    assert.equal(n, 1, 'the nearest worker was told once');
  } finally {
    await blocker.end();
    await api.stopWorker();
  }
});
