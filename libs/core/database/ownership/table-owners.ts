/**
 * Owners of the tables that have no entity class. A table with an entity belongs to the lib that
 * holds the entity (`@Entity('name')` under libs/<module>/); the tables below are reached through
 * raw SQL only, so their owner is written here. Only the owner's SQL may name them
 * (module-ownership.spec.ts); docs/architecture.md shows the whole map.
 */
export const TABLES_WITHOUT_ENTITY: Readonly<Record<string, string>> = {
  idempotency_keys: 'core',
  rate_limit_buckets: 'core',
  login_addresses: 'accounts',
  seeker_employment_history: 'seekers',
  fair_booth_vacancies: 'fairs',
  vacancy_search_documents: 'search',
  search_recency_tiers: 'search',
  search_vocabulary_words: 'search',
  search_vocabulary_history: 'search',
  matches: 'matching',
  match_runs: 'matching',
  statistics_figures: 'statistics',
  demo_records: 'demo-data',
  // Dropped by 1765200000800 (staff reads went to pii_access_log); named only by migrations.
  message_staff_reads: 'messages',
};
