import { DataSource } from 'typeorm';

/** How often a process asks whether the data behind its answers changed. */
const GENERATION_FRESH_MS = 300;

interface Entry {
  value: Promise<unknown>;
  storedAt: number;
  /** The generation the answer began under: one begun before a change is not reused. */
  generation: string | undefined;
}

/**
 * Tells every process's GenerationCache on `sequence` that the data behind it changed;
 * answers the new generation.
 */
export async function bumpGeneration(dataSource: DataSource, sequence: string): Promise<string> {
  const [{ generation }] = await dataSource.query<{ generation: string }[]>(
    `select nextval('${sequence}')::text as generation`,
  );
  return generation;
}

export interface GenerationCacheOptions {
  /** A PostgreSQL sequence that every change of the data behind the answers bumps. */
  sequence: string;
  maxEntries: number;
  /** How long an answer is kept at most; 0 keeps nothing. */
  maxAgeMs: () => number;
}

/**
 * Public answers asked again and again (hot searches, the first pages of the list), kept in
 * this process's memory for a few seconds. Everything is dropped when the data changes: every
 * change bumps `sequence`, which a process reads at most every GENERATION_FRESH_MS, and a
 * process drops its own at once (`clear`) when it made the change. Concurrent askers of a
 * missing answer share one load; a failed load is not kept; the least recently used goes first.
 */
export class GenerationCache {
  private readonly entries = new Map<string, Entry>();
  private generation: string | undefined;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: GenerationCacheOptions,
  ) {}

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const maxAgeMs = this.options.maxAgeMs();
    if (maxAgeMs === 0) return load();
    if (Date.now() - this.checkedAt >= GENERATION_FRESH_MS) {
      this.checking ??= this.readGeneration().finally(() => (this.checking = undefined));
      await this.checking;
    }
    const now = Date.now();
    const found = this.entries.get(key);
    if (found && now - found.storedAt < maxAgeMs && found.generation === this.generation) {
      // Most recently used last: the oldest in the map is the first to go.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    const value = load();
    this.entries.set(key, { value, storedAt: now, generation: this.generation });
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    while (this.entries.size > this.options.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /**
   * Drops every answer now (this process changed the data, or what answers depend on). An
   * answer still loading goes too: entries are stored when their load begins.
   */
  clear(): void {
    this.entries.clear();
  }

  /**
   * Tells every process: bump the sequence after the change has committed and `clear` was
   * called. When the bump is the only one since this process last looked, what it kept since
   * `clear` began after the change, so it stays: the process is not told its own news twice.
   */
  async bump(): Promise<void> {
    const known = this.generation;
    const generation = await bumpGeneration(this.dataSource, this.options.sequence);
    if (known === undefined || this.generation !== known) return;
    if (BigInt(generation) !== BigInt(known) + 1n) return;
    this.generation = generation;
    for (const entry of this.entries.values())
      if (entry.generation === known) entry.generation = generation;
  }

  private async readGeneration(): Promise<void> {
    let generation: string | undefined;
    try {
      // A sequence not yet used reads 1 like one used once; is_called tells them apart.
      [{ generation }] = await this.dataSource.query(
        `select (case when is_called then last_value else 0 end)::text as generation
           from ${this.options.sequence}`,
      );
    } catch {
      // Not knowing whether the data changed, keep nothing; the load itself still runs.
      generation = undefined;
    }
    if (generation === undefined || generation !== this.generation) this.entries.clear();
    this.generation = generation;
    this.checkedAt = Date.now();
  }
}
