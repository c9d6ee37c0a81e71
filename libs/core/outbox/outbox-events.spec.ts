import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { JobName } from '../queue/jobs';
import { jobsForEvents, OutboxEventType, StoredOutboxEvent } from './outbox-events';

const message = (id: number): StoredOutboxEvent => ({
  id: String(id),
  type: OutboxEventType.MessageSent,
  aggregateId: `thread-${id % 3}`,
  payload: { messageId: `message-${id}` },
});
const profile: StoredOutboxEvent = {
  id: '7',
  type: OutboxEventType.SeekerProfileChanged,
  aggregateId: 'seeker-1',
  payload: { seekerId: 'seeker-1' },
};

test('the messages of a relayed batch are told by one job, other events keep their own', () => {
  const jobs = jobsForEvents([message(5), message(6), profile, message(8)]);
  assert.deepEqual(
    jobs.map((job) => job.name),
    [JobName.MatchSeeker, JobName.NotifyMessage],
  );
  assert.deepEqual(jobs[1].data, { messageIds: ['message-5', 'message-6', 'message-8'] });
});

test('the same set of events makes the same job id; any other set another', () => {
  const id = (events: StoredOutboxEvent[]) =>
    jobsForEvents(events).find((job) => job.name === JobName.NotifyMessage)!.jobId;
  assert.equal(id([message(5), message(6)]), id([message(5), message(6)]));
  assert.notEqual(id([message(5), message(6)]), id([message(5), message(6), message(8)]));
  assert.notEqual(id([message(5), message(6)]), id([message(5), message(7)]));
  assert.equal(jobsForEvents([profile]).length, 1, 'no message job for a batch without messages');
});
