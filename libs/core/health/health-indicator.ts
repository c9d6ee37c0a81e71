import { Injectable } from '@nestjs/common';

/** A dependency that /health/ready checks; each lib registers its own at init. */
export interface HealthIndicator {
  name: string;
  check(): Promise<void>;
}

@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async checkAll(timeoutMs = 3000): Promise<{ name: string; ok: boolean; error?: string }[]> {
    return Promise.all(
      this.indicators.map(async (indicator) => {
        try {
          await Promise.race([
            indicator.check(),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error('timed out')), timeoutMs).unref(),
            ),
          ]);
          return { name: indicator.name, ok: true };
        } catch (error) {
          return {
            name: indicator.name,
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
  }
}
