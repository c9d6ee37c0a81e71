import { JobName, JobRequest } from '../queue/jobs';

/**
 * Every event the outbox carries, with its payload. Payloads hold ids only.
 * Each event is routed to the jobs that must run because of it.
 */
export enum OutboxEventType {
  AccountRegistered = 'account.registered',
}

export interface OutboxEventPayloads {
  [OutboxEventType.AccountRegistered]: { userId: string };
}

export type OutboxEventInput = {
  [T in OutboxEventType]: { type: T; aggregateId: string; payload: OutboxEventPayloads[T] };
}[OutboxEventType];

export interface StoredOutboxEvent {
  id: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Deterministic job ids: a re-sent event never makes a second job. */
function jobIdFor(event: StoredOutboxEvent, job: JobName): string {
  return `evt-${event.id}-${job}`;
}

export function jobsForEvent(event: StoredOutboxEvent): JobRequest[] {
  switch (event.type as OutboxEventType) {
    case OutboxEventType.AccountRegistered: {
      const payload = event.payload as OutboxEventPayloads[OutboxEventType.AccountRegistered];
      return [
        {
          name: JobName.SendWelcome,
          data: { userId: payload.userId },
          jobId: jobIdFor(event, JobName.SendWelcome),
        },
      ];
    }
    default:
      throw new Error(`No route for outbox event type "${event.type}"`);
  }
}
