import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { JobName, JobPayloads, LOGGER } from '@jipin/core';
import { SearchIndexer, SearchVocabularyService } from '@jipin/search';
import { JobHandler } from '../job-handler.decorator';

@Injectable()
export class SearchProcessor {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly vocabulary: SearchVocabularyService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** From the outbox: a vacancy or an employer changed; the index follows the database. */
  @JobHandler(JobName.IndexVacancies)
  async indexVacancies(data: JobPayloads[JobName.IndexVacancies]): Promise<void> {
    const change = await this.indexer.refresh(data);
    this.logger.debug({ ...change }, 'search index refreshed');
  }

  /** Scheduled: finds and fixes drift between the database and the index. */
  @JobHandler(JobName.ReconcileSearchIndex)
  async reconcile(): Promise<void> {
    const change = await this.indexer.reconcile();
    if (change.upserted || change.removed)
      this.logger.warn({ ...change }, 'search index drifted from the database; fixed');
  }

  /** From the outbox: staff changed the job words; the engine's settings follow (whole, so idempotent). */
  @JobHandler(JobName.ApplySearchVocabulary)
  async applyVocabulary(): Promise<void> {
    await this.indexer.applyVocabulary(await this.vocabulary.latest());
  }
}
