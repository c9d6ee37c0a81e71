import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { JobQueue, QueueName } from '@jipin/core';
import { createStaffUser, eventually, registerUser, TestApi } from '@jipin/testing';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start('queue_ops');
});
afterAll(async () => api.close());

test('a job that keeps failing shows in the failed list, and staff can retry it', async () => {
  const admin = await createStaffUser(api, { role: 'admin' });
  const staff = await createStaffUser(api);
  const seeker = await registerUser(api, 'seeker');
  // A welcome for a user that does not exist fails at the foreign key every time.
  const missingUser = '00000000-0000-4000-8000-000000000000';
  const queue = api.app.get(JobQueue).queue(QueueName.Notifications);
  await queue.add(
    'send-welcome',
    { userId: missingUser },
    { jobId: 'welcome-missing', attempts: 1 },
  );
  await api.startWorker();

  const failed = await eventually(async () => {
    const response = await api.get('/api/operations/queues/notifications/failed', {
      token: staff.token,
    });
    return response.body.items?.find((job: { id: string }) => job.id === 'welcome-missing')
      ? response
      : undefined;
  });
  assert.equal(failed.status, 200);
  const job = failed.body.items.find((j: { id: string }) => j.id === 'welcome-missing');
  assert.equal(job.name, 'send-welcome');
  assert.ok(job.failedReason.length > 0);

  const counts = await api.get('/api/operations/queues', { token: admin.token });
  assert.equal(counts.status, 200);
  assert.ok(
    counts.body.find((q: { queue: string; failed: number }) => q.queue === 'notifications')
      .failed >= 1,
  );
  assert.equal(
    (await api.get('/api/operations/queues', { token: staff.token })).status,
    403,
    'metrics are for admins',
  );

  const dashboard = await eventually(async () => {
    const response = await api.get('/api/operations/queues/dashboard', { token: admin.token });
    const notifications = response.body.find?.(
      (q: { queue: string }) => q.queue === 'notifications',
    );
    return notifications?.failedLastHour >= 1 && notifications.completedLastHour >= 1
      ? notifications
      : undefined;
  });
  assert.ok(
    dashboard.recentFailures.some((j: { id: string }) => j.id === 'welcome-missing'),
    'the dashboard lists the latest failures',
  );
  assert.equal(typeof dashboard.waiting, 'number');
  assert.ok('oldestWaitingSeconds' in dashboard);
  assert.equal(
    (await api.get('/api/operations/queues/dashboard', { token: staff.token })).status,
    403,
    'the dashboard is for admins',
  );
  assert.equal(
    (await api.get('/api/operations/queues/notifications/failed', { token: seeker.token })).status,
    403,
  );

  assert.equal(
    (
      await api.post(
        '/api/operations/queues/notifications/failed/welcome-missing/retry',
        undefined,
        { token: staff.token },
      )
    ).status,
    202,
  );
  assert.equal(
    (
      await api.post('/api/operations/queues/notifications/failed/no-such-job/retry', undefined, {
        token: staff.token,
      })
    ).status,
    404,
  );
  assert.equal(
    (await api.get('/api/operations/queues/nope/failed', { token: staff.token })).status,
    400,
  );
});
