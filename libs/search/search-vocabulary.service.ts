import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { conflict, invalid, notFound, OutboxEventType, OutboxService } from '@jipin/core';
import { buildVocabulary, StaffWords, Vocabulary } from './vocabulary';
import {
  foldEntry,
  STAFF_ENTRIES_MAX,
  VocabularyInput,
  vocabularyProblems,
} from './vocabulary-rules';

export interface VocabularyEntryView extends StaffWords {
  id: string;
  updatedAt: string;
}

export interface VocabularyChangeView {
  id: string;
  entryId: string;
  action: 'created' | 'updated' | 'deleted';
  word: string;
  before: StaffWords | null;
  after: StaffWords | null;
  changedBy: string;
  changedAt: string;
}

interface EntryRow {
  id: string;
  word: string;
  synonyms: string[];
  narrower: string[];
  updated_at: Date;
}

/** An UPDATE or DELETE … RETURNING answers [rows, count] through TypeORM; an INSERT the rows. */
const returned = (result: EntryRow[] | [EntryRow[], number]): EntryRow[] =>
  Array.isArray(result[0]) ? result[0] : (result as EntryRow[]);

/** How long a search may use the vocabulary before asking whether staff changed it. */
const FRESH_MS = 1000;

const view = (row: EntryRow): VocabularyEntryView => ({
  id: row.id,
  word: row.word,
  synonyms: row.synonyms,
  narrower: row.narrower,
  updatedAt: new Date(row.updated_at).toISOString(),
});
const words = ({ word, synonyms, narrower }: StaffWords): StaffWords => ({
  word,
  synonyms,
  narrower,
});

/**
 * The job words staff add in the console (tables search_vocabulary_*), and the
 * vocabulary searches use: the built-in words plus these. Every process sees a
 * change within a second (it compares the last change's id); the Meilisearch
 * settings follow through the outbox (job apply-search-vocabulary).
 */
@Injectable()
export class SearchVocabularyService {
  private cached?: { vocabulary: Vocabulary; stamp: string; checkedAt: number };
  private loading?: Promise<Vocabulary>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** The vocabulary as of at most a second ago. */
  current(): Promise<Vocabulary> {
    if (this.cached && Date.now() - this.cached.checkedAt < FRESH_MS)
      return Promise.resolve(this.cached.vocabulary);
    this.loading ??= this.refresh().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** The vocabulary as it is now, for the job that pushes it to the engine. */
  latest(): Promise<Vocabulary> {
    return this.refresh();
  }

  private async refresh(): Promise<Vocabulary> {
    const [{ stamp }] = await this.dataSource.query(
      `select coalesce(max(id), 0)::text as stamp from search_vocabulary_history`,
    );
    let cached = this.cached;
    if (!cached || cached.stamp !== stamp) {
      const entries = await this.list();
      cached = { vocabulary: buildVocabulary(entries.map(words)), stamp, checkedAt: 0 };
    }
    cached.checkedAt = Date.now();
    this.cached = cached;
    return cached.vocabulary;
  }

  async list(): Promise<VocabularyEntryView[]> {
    const rows: EntryRow[] = await this.dataSource.query(
      `select id, word, synonyms, narrower, updated_at from search_vocabulary_words order by word`,
    );
    return rows.map(view);
  }

  async history(limit = 100): Promise<VocabularyChangeView[]> {
    const rows = await this.dataSource.query(
      `select id::text, entry_id as "entryId", action, word, before, after,
         changed_by as "changedBy", changed_at as "changedAt"
       from search_vocabulary_history order by id desc limit $1`,
      [limit],
    );
    return rows.map((r: VocabularyChangeView) => ({
      ...r,
      changedAt: new Date(r.changedAt).toISOString(),
    }));
  }

  create(staffUserId: string, input: VocabularyInput): Promise<VocabularyEntryView> {
    return this.change(staffUserId, undefined, input);
  }

  update(staffUserId: string, id: string, input: VocabularyInput): Promise<VocabularyEntryView> {
    return this.change(staffUserId, id, input);
  }

  async remove(staffUserId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = returned(
        await manager.query(`delete from search_vocabulary_words where id = $1 returning *`, [id]),
      );
      if (!row) throw notFound('该词条');
      await this.record(manager, staffUserId, 'deleted', id, row.word, words(row), null);
    });
    this.cached = undefined;
  }

  /**
   * Checked against the built-in words and the other staff entries, under a
   * lock, so that two staff saving at once cannot make two jobs one.
   */
  private async change(
    staffUserId: string,
    id: string | undefined,
    input: VocabularyInput,
  ): Promise<VocabularyEntryView> {
    const saved = await this.dataSource.transaction(async (manager) => {
      await manager.query(`lock table search_vocabulary_words in share row exclusive mode`);
      const rows: EntryRow[] = await manager.query(`select * from search_vocabulary_words`);
      const existing = id ? rows.find((r) => r.id === id) : undefined;
      if (id && !existing) throw notFound('该词条');
      if (!id && rows.length >= STAFF_ENTRIES_MAX)
        throw conflict('vocabulary_full', `词库最多${STAFF_ENTRIES_MAX}条，请先删除不用的词条`);
      const others = buildVocabulary(rows.filter((r) => r.id !== id).map(words));
      const problems = vocabularyProblems(input, others);
      if (problems.invalid.length)
        throw invalid(
          'vocabulary_invalid',
          problems.invalid.map((p) => p.message).join('；'),
          problems.invalid,
        );
      const entry = foldEntry(input);
      if (rows.some((r) => r.id !== id && r.word === entry.word))
        throw conflict('vocabulary_word_exists', `「${entry.word}」已在词库中，请修改原词条`, [
          { field: 'word', message: `「${entry.word}」已在词库中` },
        ]);
      if (problems.conflicts.length)
        throw conflict(
          'vocabulary_conflict',
          problems.conflicts.map((p) => p.message).join('；'),
          problems.conflicts,
        );
      const [row] = existing
        ? returned(
            await manager.query(
              `update search_vocabulary_words set word = $2, synonyms = $3, narrower = $4,
               updated_by = $5, updated_at = now() where id = $1 returning *`,
              [id, entry.word, entry.synonyms, entry.narrower, staffUserId],
            ),
          )
        : await manager.query(
            `insert into search_vocabulary_words (word, synonyms, narrower, created_by, updated_by)
             values ($1, $2, $3, $4, $4) returning *`,
            [entry.word, entry.synonyms, entry.narrower, staffUserId],
          );
      await this.record(
        manager,
        staffUserId,
        existing ? 'updated' : 'created',
        row.id,
        row.word,
        existing ? words(existing) : null,
        words(row),
      );
      return row;
    });
    this.cached = undefined;
    return view(saved);
  }

  private async record(
    manager: EntityManager,
    staffUserId: string,
    action: VocabularyChangeView['action'],
    entryId: string,
    word: string,
    before: StaffWords | null,
    after: StaffWords | null,
  ): Promise<void> {
    await manager.query(
      `insert into search_vocabulary_history (entry_id, action, word, before, after, changed_by)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        entryId,
        action,
        word,
        before && JSON.stringify(before),
        after && JSON.stringify(after),
      ].concat(staffUserId),
    );
    await this.outbox.record(manager, {
      type: OutboxEventType.SearchVocabularyChanged,
      aggregateId: entryId,
      payload: { entryId },
    });
  }
}
