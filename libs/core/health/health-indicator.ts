import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { LOGGER } from '../logging/logging.module';

/** The parts /health/ready names, in the words an operator or a county IT desk reads. */
export const HEALTH_PARTS = {
  database: { zh: '数据库', en: 'database' },
  queue: { zh: '任务队列', en: 'job queue' },
  search: { zh: '搜索', en: 'search' },
} as const;

export type HealthPart = keyof typeof HEALTH_PARTS;

/** A dependency that /health/ready checks; each lib registers its own at init. */
export interface HealthIndicator {
  name: string;
  part: HealthPart;
  check(): Promise<void>;
}

export interface HealthCheck {
  name: string;
  ok: boolean;
  /** A fixed sentence per part and state: never the error itself (addresses, ports, driver text). */
  status: string;
}

export const HEALTHY = '正常 (ok)';

export function unavailable(part: HealthPart): string {
  const { zh, en } = HEALTH_PARTS[part];
  return `${zh}不可用 (${en} unavailable)`;
}

@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];
  /** The last error seen per part: a change is logged once, not on every probe. */
  private readonly lastError = new Map<string, string | undefined>();

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async checkAll(timeoutMs = 3000): Promise<HealthCheck[]> {
    return Promise.all(
      this.indicators.map(async (indicator) => {
        let error: string | undefined;
        try {
          await Promise.race([
            indicator.check(),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error('timed out')), timeoutMs).unref(),
            ),
          ]);
        } catch (failure) {
          error = failure instanceof Error ? failure.message : String(failure);
        }
        this.remember(indicator.name, error);
        return error === undefined
          ? { name: indicator.name, ok: true, status: HEALTHY }
          : { name: indicator.name, ok: false, status: unavailable(indicator.part) };
      }),
    );
  }

  /** The operator reads the real error in the log; the public answer stays fixed. */
  private remember(name: string, error: string | undefined): void {
    if (this.lastError.get(name) === error) return;
    this.lastError.set(name, error);
    if (error) this.logger.warn({ check: name, err: error }, `health check ${name} failed`);
    else this.logger.info({ check: name }, `health check ${name} passes again`);
  }
}
