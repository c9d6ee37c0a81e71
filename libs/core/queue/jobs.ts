/**
 * Every queue and job of the platform, with the payload each job carries.
 * Payloads carry ids, never personal data. The worker refuses to start unless
 * every JobName has exactly one handler.
 */
export enum QueueName {
  Notifications = 'notifications',
  Maintenance = 'maintenance',
  Search = 'search',
  Matching = 'matching',
  Gigs = 'gigs',
}

export enum JobName {
  SendWelcome = 'send-welcome',
  PurgeExpiredAuthData = 'purge-expired-auth-data',
  ExpireVacancies = 'expire-vacancies',
  NotifyApplicationStatus = 'notify-application-status',
  PurgeExpiredRecruitmentRecords = 'purge-expired-recruitment-records',
  NotifyIntentRecorded = 'notify-intent-recorded',
  RemindIntentFollowUps = 'remind-intent-follow-ups',
  SendFairReminders = 'send-fair-reminders',
  InviteFairSeekers = 'invite-fair-seekers',
  IndexVacancies = 'index-vacancies',
  ReconcileSearchIndex = 'reconcile-search-index',
  ApplySearchVocabulary = 'apply-search-vocabulary',
  MatchVacancy = 'match-vacancy',
  MatchSeeker = 'match-seeker',
  RefreshMatches = 'refresh-matches',
  MatchEmployer = 'match-employer',
  DispatchGig = 'dispatch-gig',
  NotifyGigCancelled = 'notify-gig-cancelled',
  NotifyGigPromoted = 'notify-gig-promoted',
  NotifyMessage = 'notify-message',
  SendJobAlerts = 'send-job-alerts',
}

export interface JobPayloads {
  [JobName.SendWelcome]: { userId: string };
  [JobName.PurgeExpiredAuthData]: Record<string, never>;
  [JobName.ExpireVacancies]: Record<string, never>;
  [JobName.NotifyApplicationStatus]: { historyId: string };
  [JobName.PurgeExpiredRecruitmentRecords]: Record<string, never>;
  [JobName.NotifyIntentRecorded]: { intentId: string };
  [JobName.RemindIntentFollowUps]: Record<string, never>;
  [JobName.SendFairReminders]: Record<string, never>;
  [JobName.InviteFairSeekers]: { fairId: string };
  /** Re-read these vacancies, and every vacancy of these employers, into the search index. */
  [JobName.IndexVacancies]: { vacancyIds?: string[]; employerIds?: string[] };
  [JobName.ReconcileSearchIndex]: Record<string, never>;
  /** Staff changed the job words: the search engine's settings follow (Meilisearch synonyms). */
  [JobName.ApplySearchVocabulary]: Record<string, never>;
  [JobName.MatchVacancy]: { vacancyId: string };
  [JobName.MatchSeeker]: { seekerId: string };
  [JobName.RefreshMatches]: Record<string, never>;
  [JobName.MatchEmployer]: { employerId: string };
  /** Tell the next wave of nearby free workers; the job of the following wave is keyed by its number. */
  [JobName.DispatchGig]: { gigId: string; wave: number };
  [JobName.NotifyGigCancelled]: { gigId: string };
  [JobName.NotifyGigPromoted]: { assignmentId: string };
  [JobName.NotifyMessage]: { messageIds: string[] };
  /** The digest of the ads first published the day before `date` (YYYY-MM-DD, China); today by default. */
  [JobName.SendJobAlerts]: { date?: string };
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.SendWelcome]: QueueName.Notifications,
  [JobName.PurgeExpiredAuthData]: QueueName.Maintenance,
  [JobName.ExpireVacancies]: QueueName.Maintenance,
  [JobName.NotifyApplicationStatus]: QueueName.Notifications,
  [JobName.PurgeExpiredRecruitmentRecords]: QueueName.Maintenance,
  [JobName.NotifyIntentRecorded]: QueueName.Notifications,
  [JobName.RemindIntentFollowUps]: QueueName.Maintenance,
  [JobName.SendFairReminders]: QueueName.Maintenance,
  [JobName.InviteFairSeekers]: QueueName.Notifications,
  [JobName.IndexVacancies]: QueueName.Search,
  [JobName.ReconcileSearchIndex]: QueueName.Search,
  [JobName.ApplySearchVocabulary]: QueueName.Search,
  [JobName.MatchVacancy]: QueueName.Matching,
  [JobName.MatchSeeker]: QueueName.Matching,
  [JobName.RefreshMatches]: QueueName.Matching,
  [JobName.MatchEmployer]: QueueName.Matching,
  [JobName.DispatchGig]: QueueName.Gigs,
  [JobName.NotifyGigCancelled]: QueueName.Gigs,
  [JobName.NotifyGigPromoted]: QueueName.Gigs,
  [JobName.NotifyMessage]: QueueName.Notifications,
  [JobName.SendJobAlerts]: QueueName.Maintenance,
};

/** One job request: a discriminated union over JobName. */
export type JobRequest = {
  [N in JobName]: { name: N; data: JobPayloads[N]; jobId?: string; delayMs?: number };
}[JobName];

/** Jobs that repeat on a schedule, registered idempotently by the worker. */
export const SCHEDULED_JOBS: {
  name: JobName;
  everyMs?: number;
  /** Cron pattern in China time, for jobs that run at a time of day rather than every so often. */
  pattern?: string;
}[] = [
  { name: JobName.PurgeExpiredAuthData, everyMs: 60 * 60 * 1000 },
  { name: JobName.ExpireVacancies, everyMs: 15 * 60 * 1000 },
  { name: JobName.PurgeExpiredRecruitmentRecords, everyMs: 24 * 60 * 60 * 1000 },
  { name: JobName.RemindIntentFollowUps, everyMs: 60 * 60 * 1000 },
  { name: JobName.SendFairReminders, everyMs: 15 * 60 * 1000 },
  { name: JobName.ReconcileSearchIndex, everyMs: 10 * 60 * 1000 },
  { name: JobName.RefreshMatches, pattern: '30 2 * * *' }, // nightly, 02:30
  { name: JobName.SendJobAlerts, pattern: '0 5 * * *' }, // the night's digest, read at breakfast
];
