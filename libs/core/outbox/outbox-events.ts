import { createHash } from 'node:crypto';
import { JobName, JobRequest } from '../queue/jobs';

/**
 * Every event the outbox carries, with its payload. Payloads hold ids only.
 * Each event is routed to the jobs that must run because of it.
 */
export enum OutboxEventType {
  AccountRegistered = 'account.registered',
  VacancyChanged = 'vacancy.changed',
  EmployerStatusChanged = 'employer.status_changed',
  ApplicationStatusChanged = 'application.status_changed',
  IntentRecorded = 'intent.recorded',
  FairRegistrationOpened = 'fair.registration_opened',
  SeekerProfileChanged = 'seeker.profile_changed',
  GigOpened = 'gig.opened',
  GigCancelled = 'gig.cancelled',
  GigAssignmentPromoted = 'gig.assignment_promoted',
  SearchVocabularyChanged = 'search.vocabulary_changed',
  MessageSent = 'message.sent',
}

export interface OutboxEventPayloads {
  [OutboxEventType.AccountRegistered]: { userId: string };
  [OutboxEventType.VacancyChanged]: { vacancyId: string };
  [OutboxEventType.EmployerStatusChanged]: { employerId: string };
  [OutboxEventType.ApplicationStatusChanged]: { applicationId: string; historyId: string };
  [OutboxEventType.IntentRecorded]: { intentId: string };
  [OutboxEventType.FairRegistrationOpened]: { fairId: string };
  [OutboxEventType.SeekerProfileChanged]: { seekerId: string };
  [OutboxEventType.GigOpened]: { gigId: string; wave: number };
  [OutboxEventType.GigCancelled]: { gigId: string };
  [OutboxEventType.GigAssignmentPromoted]: { assignmentId: string };
  [OutboxEventType.SearchVocabularyChanged]: { entryId: string };
  [OutboxEventType.MessageSent]: { messageId: string };
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

/**
 * The jobs of a relayed batch. The messages of a batch are told to their readers by one job
 * (a job per message cost the worker as much as the send cost the API, issue 18); its id names
 * exactly that set of events, and its notifications are keyed per message and reader, so a
 * batch relayed again, whole or in part, tells nobody twice.
 */
export function jobsForEvents(events: StoredOutboxEvent[]): JobRequest[] {
  const messages = events.filter((event) => event.type === OutboxEventType.MessageSent);
  const jobs = events
    .filter((event) => event.type !== OutboxEventType.MessageSent)
    .flatMap(jobsForEvent);
  if (messages.length) {
    const eventIds = messages.map((event) => event.id).join(',');
    jobs.push({
      name: JobName.NotifyMessage,
      data: { messageIds: messages.map((event) => String(event.payload.messageId)) },
      jobId: `messages-${createHash('sha256').update(eventIds).digest('hex').slice(0, 24)}`,
    });
  }
  return jobs;
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
    case OutboxEventType.VacancyChanged: {
      const payload = event.payload as OutboxEventPayloads[OutboxEventType.VacancyChanged];
      const index = JobName.IndexVacancies;
      // Matching: one job per event; the job skips work when the vacancy has not changed since the last run.
      const match = JobName.MatchVacancy;
      return [
        { name: index, data: { vacancyIds: [payload.vacancyId] }, jobId: jobIdFor(event, index) },
        { name: match, data: { vacancyId: payload.vacancyId }, jobId: jobIdFor(event, match) },
      ];
    }
    case OutboxEventType.SeekerProfileChanged: {
      const payload = event.payload as OutboxEventPayloads[OutboxEventType.SeekerProfileChanged];
      const name = JobName.MatchSeeker;
      return [{ name, data: { seekerId: payload.seekerId }, jobId: jobIdFor(event, name) }];
    }
    case OutboxEventType.EmployerStatusChanged: {
      const payload = event.payload as OutboxEventPayloads[OutboxEventType.EmployerStatusChanged];
      const index = JobName.IndexVacancies;
      const match = JobName.MatchEmployer;
      return [
        { name: index, data: { employerIds: [payload.employerId] }, jobId: jobIdFor(event, index) },
        { name: match, data: { employerId: payload.employerId }, jobId: jobIdFor(event, match) },
      ];
    }
    case OutboxEventType.ApplicationStatusChanged: {
      const payload =
        event.payload as OutboxEventPayloads[OutboxEventType.ApplicationStatusChanged];
      const name = JobName.NotifyApplicationStatus;
      return [{ name, data: { historyId: payload.historyId }, jobId: jobIdFor(event, name) }];
    }
    case OutboxEventType.IntentRecorded: {
      const payload = event.payload as OutboxEventPayloads[OutboxEventType.IntentRecorded];
      const name = JobName.NotifyIntentRecorded;
      // Keyed by the intent, not the event: an intent is announced once however often it is recorded.
      return [{ name, data: { intentId: payload.intentId }, jobId: `intent-${payload.intentId}` }];
    }
    case OutboxEventType.FairRegistrationOpened: {
      const payload = event.payload as OutboxEventPayloads[OutboxEventType.FairRegistrationOpened];
      const name = JobName.InviteFairSeekers;
      return [{ name, data: { fairId: payload.fairId }, jobId: jobIdFor(event, name) }];
    }
    case OutboxEventType.GigOpened:
    case OutboxEventType.GigCancelled:
    case OutboxEventType.GigAssignmentPromoted:
      return gigJobsForEvent(event);
    case OutboxEventType.SearchVocabularyChanged: {
      // The job pushes the whole vocabulary, so one run covers every change before it.
      const name = JobName.ApplySearchVocabulary;
      return [{ name, data: {}, jobId: jobIdFor(event, name) }];
    }
    case OutboxEventType.MessageSent:
      return jobsForEvents([event]);
    default:
      throw new Error(`No route for outbox event type "${event.type}"`);
  }
}

/** Gig jobs are keyed by the gig or assignment, not the event: each is announced once. */
function gigJobsForEvent(event: StoredOutboxEvent): JobRequest[] {
  const payload = event.payload as { gigId?: string; wave?: number; assignmentId?: string };
  if (event.type === OutboxEventType.GigOpened) {
    const [gigId, wave] = [payload.gigId!, payload.wave ?? 1];
    return [
      { name: JobName.DispatchGig, data: { gigId, wave }, jobId: `gig-${gigId}-wave-${wave}` },
    ];
  }
  if (event.type === OutboxEventType.GigCancelled) {
    const gigId = payload.gigId!;
    return [{ name: JobName.NotifyGigCancelled, data: { gigId }, jobId: `gig-${gigId}-cancelled` }];
  }
  const assignmentId = payload.assignmentId!;
  return [
    {
      name: JobName.NotifyGigPromoted,
      data: { assignmentId },
      jobId: `gig-assignment-${assignmentId}-promoted`,
    },
  ];
}
