import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, JobName, JobQueue } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { ageOn, chinaToday } from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { MatchCandidates } from './match-candidates';
import {
  evaluatePair,
  KEEP_PER_SEEKER,
  KEEP_PER_VACANCY,
  SeekerRow,
  seekerAvailable,
  VacancyRow,
  vacancyOpen,
} from './match-facts';
import { MatchScore, MatchWeights } from './match-scoring';

export interface MatchRunResult {
  /** False when nothing changed since the last run (same facts, same day). */
  computed: boolean;
  stored: number;
  removed: number;
}

interface ScoredPair {
  seekerId: string;
  vacancyId: string;
  /** The id on the other side of the pair from the run's subject. */
  otherId: string;
  match: MatchScore;
}
type UnmatchedPair = Omit<ScoredPair, 'match'> & { match: null };

/** What differs between a run for a vacancy and a run for a seeker. */
interface Side<Row> {
  kind: Subject;
  own: 'vacancy_id' | 'seeker_id';
  other: 'vacancy_id' | 'seeker_id';
  keep: number;
  load(candidates: MatchCandidates): Promise<Row | undefined>;
  find(candidates: MatchCandidates, subject: Row, today: string): Promise<string[]>;
  pairs(
    candidates: MatchCandidates,
    subject: Row,
    otherIds: string[],
    today: string,
  ): Promise<(ScoredPair | UnmatchedPair)[]>;
}

type Subject = 'vacancy' | 'seeker';

export interface RunOptions {
  /** The day ages and expiry are judged on (China time); today by default. */
  today?: string;
  /** Recompute even when nothing changed since the last run. */
  force?: boolean;
}

/**
 * Computes and stores matches. One run recomputes one subject (a vacancy or a
 * seeker) in one transaction under a per-subject lock: a worker killed
 * mid-run leaves the previous matches intact, and duplicate or concurrent
 * runs end in the same rows.
 */
@Injectable()
export class MatchingService {
  private readonly weights: MatchWeights;

  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.weights = config.matching.weights as MatchWeights;
  }

  /** The vacancy's best seekers; all its matches go when it is no longer open. */
  async matchVacancy(vacancyId: string, options: RunOptions = {}): Promise<MatchRunResult> {
    return this.run(vacancyId, options, {
      kind: 'vacancy',
      own: 'vacancy_id',
      other: 'seeker_id',
      keep: KEEP_PER_VACANCY,
      load: async (c) => (await c.vacancies([vacancyId]))[0],
      find: (c, vacancy, today) =>
        vacancyOpen(vacancy, today) ? c.seekerIdsFor(vacancy, today) : Promise.resolve([]),
      pairs: async (c, vacancy, ids, today) =>
        (await c.seekers(ids)).map((seeker) => this.scorePair(vacancy, seeker, seeker.id, today)),
    });
  }

  /** The seeker's best vacancies; all their matches go when they opt out or stop looking. */
  async matchSeeker(seekerId: string, options: RunOptions = {}): Promise<MatchRunResult> {
    return this.run(seekerId, options, {
      kind: 'seeker',
      own: 'seeker_id',
      other: 'vacancy_id',
      keep: KEEP_PER_SEEKER,
      load: async (c) => (await c.seekers([seekerId]))[0],
      find: (c, seeker, today) =>
        seekerAvailable(seeker)
          ? c.vacancyIdsFor(seeker, ageOn(seeker.birthDate, today), today)
          : Promise.resolve([]),
      pairs: async (c, seeker, ids, today) =>
        (await c.vacancies(ids)).map((vacancy) =>
          this.scorePair(vacancy, seeker, vacancy.id, today),
        ),
    });
  }

  /**
   * One run for one subject, in one transaction under the subject's lock:
   * skipped when nothing changed since the last run; otherwise the candidates
   * and the subject's existing matches are scored again, the best `keep` new
   * pairs and every existing pair that still holds are stored, and existing
   * pairs that no longer pass a hard constraint are removed.
   */
  private run<Row extends VacancyRow | SeekerRow>(
    id: string,
    options: RunOptions,
    side: Side<Row>,
  ): Promise<MatchRunResult> {
    const today = options.today ?? chinaToday();
    return this.dataSource.transaction(async (manager) => {
      await lockSubject(manager, side.kind, id);
      const candidates = new MatchCandidates(manager, this.regions);
      const subject = await side.load(candidates);
      if (!subject) return { computed: false, stored: 0, removed: 0 };
      const fingerprint = this.fingerprint(subject, today);
      if (!options.force && (await this.unchanged(manager, side.kind, id, fingerprint)))
        return { computed: false, stored: 0, removed: 0 };

      const existingRows: { id: string }[] = await manager.query(
        `select ${side.other} as id from matches where ${side.own} = $1`,
        [id],
      );
      const existing = new Set(existingRows.map((r) => r.id));
      const found = await side.find(candidates, subject, today);
      const scored = await side.pairs(
        candidates,
        subject,
        [...new Set([...existing, ...found])],
        today,
      );
      const passing = scored
        .filter((pair): pair is ScoredPair => pair.match !== null)
        .sort((a, b) => b.match.score - a.match.score || a.otherId.localeCompare(b.otherId));
      const kept = passing.filter((pair, rank) => rank < side.keep || existing.has(pair.otherId));
      const keptIds = new Set(kept.map((pair) => pair.otherId));
      const removed = [...existing].filter((other) => !keptIds.has(other)).sort();
      if (removed.length)
        await manager.query(
          `delete from matches where ${side.own} = $1 and ${side.other} = any($2::uuid[])`,
          [id, removed],
        );
      await upsertMatches(manager, kept);
      await this.recordRun(manager, side.kind, id, fingerprint);
      return { computed: true, stored: kept.length, removed: removed.length };
    });
  }

  /** An employer was suspended or reinstated: its vacancies' matches go or come back. */
  async matchEmployer(employerId: string): Promise<void> {
    const ids = await idsOf(
      this.dataSource.manager,
      `select v.id from ${VACANCY_ROWS} v
        where v.employer_id = $1
          and (v.status = 'published' or exists (select 1 from matches m where m.vacancy_id = v.id))
        order by v.id`,
      employerId,
    );
    for (const id of ids) await this.matchVacancy(id);
  }

  /**
   * Nightly: drops matches of vacancies no longer open and of seekers who
   * opted out or stopped looking, then queues a run for every open vacancy
   * (ages and "within two years of graduation" change with the date).
   */
  async refreshAll(today = chinaToday()): Promise<{ removed: number; queued: number }> {
    const removed = await this.removeStale(today);
    const open = await idsOf(
      this.dataSource.manager,
      `select id from ${VACANCY_ROWS} vacancies where status = 'published' and expires_at >= $1::date order by id`,
      today,
    );
    for (let i = 0; i < open.length; i += 500) {
      await this.jobs.enqueueMany(
        open.slice(i, i + 500).map((vacancyId) => ({
          name: JobName.MatchVacancy,
          data: { vacancyId },
          jobId: `refresh-${today}-${vacancyId}`,
        })),
      );
    }
    return { removed, queued: open.length };
  }

  async removeStale(today = chinaToday()): Promise<number> {
    const [, closed] = await this.dataSource.query(
      `delete from matches m using vacancies v, employers e
        where v.id = m.vacancy_id and e.id = v.employer_id
          and (v.status <> 'published' or v.expires_at < $1::date
               or e.status in ('suspended', 'rejected'))`,
      [today],
    );
    const [, optedOut] = await this.dataSource.query(
      `delete from matches m using seeker_profiles p
        where p.id = m.seeker_id
          and (p.recommendation_opt_out or p.anonymised_at is not null or p.employment_status = 'employed')`,
    );
    return Number(closed) + Number(optedOut);
  }

  private scorePair(
    vacancy: VacancyRow,
    seeker: SeekerRow,
    otherId: string,
    today: string,
  ): ScoredPair | UnmatchedPair {
    const outcome = evaluatePair(vacancy, seeker, this.weights, today);
    const pair = { seekerId: seeker.id, vacancyId: vacancy.id, otherId };
    return { ...pair, match: outcome.eligible ? outcome.match : null };
  }

  private fingerprint(facts: VacancyRow | SeekerRow, today: string): string {
    return createHash('sha256')
      .update(JSON.stringify({ facts, today, weights: this.weights }))
      .digest('hex');
  }

  private async unchanged(
    manager: EntityManager,
    kind: Subject,
    id: string,
    fingerprint: string,
  ): Promise<boolean> {
    const [row] = await manager.query(
      `select 1 from match_runs where subject_kind = $1 and subject_id = $2 and fingerprint = $3`,
      [kind, id, fingerprint],
    );
    return Boolean(row);
  }

  private async recordRun(
    manager: EntityManager,
    kind: Subject,
    id: string,
    fingerprint: string,
  ): Promise<void> {
    await manager.query(
      `insert into match_runs (subject_kind, subject_id, fingerprint) values ($1, $2, $3)
       on conflict (subject_kind, subject_id) do update
         set fingerprint = excluded.fingerprint, runs = match_runs.runs + 1, computed_at = now()`,
      [kind, id, fingerprint],
    );
  }
}

/** Serialises runs for one subject (released at commit or when the connection dies). */
async function lockSubject(manager: EntityManager, kind: Subject, id: string): Promise<void> {
  await manager.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `match:${kind}:${id}`,
  ]);
}

async function idsOf(manager: EntityManager, sql: string, param: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(sql, [param]);
  return rows.map((r) => r.id);
}

/** Insert or rescore, in key order so that concurrent runs never deadlock on each other. */
async function upsertMatches(manager: EntityManager, pairs: ScoredPair[]): Promise<void> {
  if (!pairs.length) return;
  const sorted = [...pairs].sort(
    (a, b) => a.seekerId.localeCompare(b.seekerId) || a.vacancyId.localeCompare(b.vacancyId),
  );
  await manager.query(
    `insert into matches (seeker_id, vacancy_id, score, components, explanation, computed_at)
     select s, v, sc, c, e, now()
       from unnest($1::uuid[], $2::uuid[], $3::real[], $4::jsonb[], $5::text[]) as t (s, v, sc, c, e)
     on conflict (seeker_id, vacancy_id) do update
       set score = excluded.score, components = excluded.components,
           explanation = excluded.explanation, computed_at = excluded.computed_at`,
    [
      sorted.map((p) => p.seekerId),
      sorted.map((p) => p.vacancyId),
      sorted.map((p) => p.match.score),
      sorted.map((p) =>
        JSON.stringify({ ...p.match.components, distanceKm: round(p.match.distanceKm) }),
      ),
      sorted.map((p) => p.match.explanation.slice(0, 300)),
    ],
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
