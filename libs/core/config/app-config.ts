import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type QueueBackendKind = 'redis' | 'postgres';
export type SearchDriverKind = 'postgres' | 'meilisearch';

/** The whole configuration of every process, validated once at boot. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    corsOrigins: string[];
    webDist: string;
  };
  dataDir: string;
  database: { url: string | undefined; embeddedPort: number; logQueries: boolean };
  queue: { backend: QueueBackendKind; redisUrl: string | undefined; prefix: string };
  search: {
    driver: SearchDriverKind;
    meiliUrl: string | undefined;
    meiliKey: string | undefined;
    meiliIndex: string;
    /** How long a process answers the same search from memory; 0 turns the cache off. */
    cacheSeconds: number;
  };
  /** How long a process answers the same page of the public vacancy list from memory; 0: off. */
  vacancyList: { cacheSeconds: number };
  auth: { jwtSecret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  privacy: { piiKey: Buffer };
  sms: { driver: 'log' };
  regionsFile: string;
  logLevel: string;
  vacancies: {
    payFloor: { month: number; day: number; hour: number; piece: number };
    /**
     * Public-welfare and internship posts are paid a subsidy the county sets, not a wage:
     * their pay is checked against these instead of the minimum wage floor.
     */
    subsidyFloor: Record<
      'public_welfare' | 'internship',
      { month: number; day: number; hour: number; piece: number }
    >;
  };
  matching: { followUpDays: number; weights: Record<string, number> };
  gigs: {
    /** The county's floor for gig pay (元/天, 元/小时; piece work has none by default). */
    payFloor: { day: number; hour: number; piece: number };
    /** Open gigs an individual (a farmer, a household) may have at once. */
    maxOpenPerIndividual: number;
    /** Workers told per dispatch wave, and the wait before the next wave. */
    waveSize: number;
    waveIntervalSeconds: number;
    /** A worker cancelling fewer hours than this before the start is recorded as late. */
    lateCancelHours: number;
  };
  retention: { recruitmentRecordDays: number };
  messages: {
    /** A message is also sent by SMS when its reader has not opened the app for this long. */
    smsAfterAbsentMinutes: number;
    sendsPerMinute: number;
    /** Employers' phones a seeker may reveal per day (an anti-scraping limit). */
    phoneRevealsPerDay: number;
    /** The bureau's hotline, shown on every vacancy as a fallback. */
    hotline: { name: string; phone: string };
    /** Where links in SMS point (the one-tap unsubscribe of job alerts). */
    publicUrl: string;
  };
  rateLimits: {
    loginPerWindow: number;
    smsPerWindow: number;
    searchPerMinute: number;
    /** The search window in seconds: a minute in production, shorter in the test of its edge. */
    searchWindowSeconds: number;
    exportPerHour: number;
  };
}

/** Thrown at boot when a variable is missing or wrong; its message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n- ${problems.join('\n- ')}`);
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_MATCH_WEIGHTS = {
  occupation: 0.3,
  skills: 0.2,
  pay: 0.15,
  distance: 0.15,
  education: 0.1,
  experience: 0.05,
  keyGroup: 0.05,
};

/** Reads and checks the environment; collects every problem before failing. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf(
    'NODE_ENV',
    ['development', 'production', 'test'] as const,
    'development',
  );
  const dataDir = absolute(env.DATA_DIR ?? 'data', cwd);
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const queueBackend = read.oneOf('QUEUE_BACKEND', ['redis', 'postgres'] as const, 'postgres');
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  if (queueBackend === 'redis' && !redisUrl) {
    problems.push(
      'REDIS_URL is required when QUEUE_BACKEND=redis (for example redis://127.0.0.1:6379).',
    );
  }
  const searchDriver = read.oneOf(
    'SEARCH_DRIVER',
    ['postgres', 'meilisearch'] as const,
    'postgres',
  );
  const meiliUrl = read.url('MEILI_URL', ['http:', 'https:']);
  if (searchDriver === 'meilisearch' && !meiliUrl) {
    problems.push(
      'MEILI_URL is required when SEARCH_DRIVER=meilisearch (for example http://127.0.0.1:7700).',
    );
  }
  const secrets = nodeEnv === 'production' ? undefined : developmentSecrets(dataDir);
  const jwtSecret = env.JWT_SECRET ?? secrets?.jwtSecret;
  if (!jwtSecret) problems.push('JWT_SECRET is required in production (at least 32 characters).');
  else if (jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters long.');
  const piiKey = read.key('PII_KEY', secrets?.piiKey);

  const config: AppConfig = {
    env: nodeEnv,
    http: {
      host: env.HOST ?? '127.0.0.1',
      port: read.int('PORT', 3000, 0, 65535),
      bodyLimitBytes: read.int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      webDist: absolute(env.WEB_DIST ?? 'apps/web/dist', cwd),
    },
    dataDir,
    database: {
      url: databaseUrl,
      embeddedPort: read.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
      logQueries: env.DB_LOG_QUERIES === 'true',
    },
    queue: { backend: queueBackend, redisUrl, prefix: env.QUEUE_PREFIX ?? 'jipin' },
    search: {
      driver: searchDriver,
      meiliUrl,
      meiliKey: env.MEILI_KEY,
      meiliIndex: env.MEILI_INDEX ?? 'vacancies',
      cacheSeconds: read.int('SEARCH_CACHE_SECONDS', 10, 0, 3600),
    },
    vacancyList: { cacheSeconds: read.int('LIST_CACHE_SECONDS', 10, 0, 3600) },
    auth: {
      jwtSecret: jwtSecret ?? '',
      accessTtlSeconds: read.int('JWT_ACCESS_TTL_SECONDS', 15 * 60, 30, 24 * 3600),
      refreshTtlSeconds: read.int('JWT_REFRESH_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
    },
    privacy: { piiKey },
    sms: { driver: read.oneOf('SMS_DRIVER', ['log'] as const, 'log') },
    regionsFile: absolute(env.REGIONS_FILE ?? 'libs/regions/data/360822-jishui.json', cwd),
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    vacancies: {
      payFloor: {
        month: read.int('PAY_FLOOR_MONTH', 1550, 0, 100000),
        day: read.int('PAY_FLOOR_DAY', 60, 0, 10000),
        hour: read.int('PAY_FLOOR_HOUR', 15, 0, 1000),
        piece: read.int('PAY_FLOOR_PIECE', 0, 0, 1000),
      },
      subsidyFloor: {
        public_welfare: {
          month: read.int('SUBSIDY_FLOOR_PUBLIC_WELFARE_MONTH', 1000, 0, 100000),
          day: read.int('SUBSIDY_FLOOR_PUBLIC_WELFARE_DAY', 40, 0, 10000),
          hour: read.int('SUBSIDY_FLOOR_PUBLIC_WELFARE_HOUR', 6, 0, 1000),
          piece: 0,
        },
        internship: {
          month: read.int('SUBSIDY_FLOOR_INTERNSHIP_MONTH', 1000, 0, 100000),
          day: read.int('SUBSIDY_FLOOR_INTERNSHIP_DAY', 40, 0, 10000),
          hour: read.int('SUBSIDY_FLOOR_INTERNSHIP_HOUR', 6, 0, 1000),
          piece: 0,
        },
      },
    },
    matching: {
      followUpDays: read.int('INTENT_FOLLOW_UP_DAYS', 30, 1, 365),
      weights: read.json('MATCH_WEIGHTS', DEFAULT_MATCH_WEIGHTS),
    },
    gigs: {
      payFloor: {
        day: read.int('GIG_PAY_FLOOR_DAY', 100, 0, 10000),
        hour: read.int('GIG_PAY_FLOOR_HOUR', 15, 0, 1000),
        piece: read.int('GIG_PAY_FLOOR_PIECE', 0, 0, 1000),
      },
      maxOpenPerIndividual: read.int('GIG_MAX_OPEN_PER_INDIVIDUAL', 3, 1, 100),
      waveSize: read.int('GIG_WAVE_SIZE', 20, 1, 1000),
      waveIntervalSeconds: read.int('GIG_WAVE_INTERVAL_SECONDS', 300, 1, 86400),
      lateCancelHours: read.int('GIG_LATE_CANCEL_HOURS', 12, 0, 168),
    },
    retention: {
      recruitmentRecordDays: read.int('RECRUITMENT_RETENTION_DAYS', 3 * 365, 365, 20 * 365),
    },
    messages: {
      smsAfterAbsentMinutes: read.int('MESSAGE_SMS_AFTER_MINUTES', 120, 0, 30 * 24 * 60),
      sendsPerMinute: read.int('MESSAGE_SENDS_PER_MINUTE', 20, 1, 1000000),
      phoneRevealsPerDay: read.int('PHONE_REVEALS_PER_DAY', 20, 1, 100000),
      hotline: {
        name: env.BUREAU_HOTLINE_NAME ?? '县人社局就业服务热线',
        phone: env.BUREAU_HOTLINE ?? '0796-12333',
      },
      publicUrl: (env.PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    },
    rateLimits: {
      loginPerWindow: read.int('RATE_LIMIT_LOGIN', 10, 1, 100000),
      smsPerWindow: read.int('RATE_LIMIT_SMS', 5, 1, 100000),
      searchPerMinute: read.int('RATE_LIMIT_SEARCH', 600, 1, 10000000),
      searchWindowSeconds: read.int('RATE_LIMIT_SEARCH_WINDOW', 60, 1, 3600),
      exportPerHour: read.int('RATE_LIMIT_EXPORT', 30, 1, 100000),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.env[name];
    if (value === undefined || value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}; got "${value}".`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}; got "${value}".`);
      return fallback;
    }
    return parsed;
  }

  url(name: string, protocols: string[]): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === '') return undefined;
    try {
      const parsed = new URL(value);
      if (protocols.includes(parsed.protocol)) return value;
    } catch {
      // reported below
    }
    this.problems.push(
      `${name} must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}; got "${value}".`,
    );
    return undefined;
  }

  key(name: string, fallback: string | undefined): Buffer {
    const value = this.env[name] ?? fallback;
    const key = value ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) {
      this.problems.push(`${name} must be 32 random bytes in base64 (openssl rand -base64 32).`);
      return Buffer.alloc(32);
    }
    return key;
  }

  json<T extends Record<string, number>>(name: string, fallback: T): T {
    const value = this.env[name];
    if (!value) return fallback;
    try {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      const merged: Record<string, number> = { ...fallback };
      for (const [key, weight] of Object.entries(parsed)) {
        if (!(key in fallback) || typeof weight !== 'number' || weight < 0) throw new Error(key);
        merged[key] = weight;
      }
      return merged as T;
    } catch {
      this.problems.push(
        `${name} must be a JSON object with numeric weights for ${Object.keys(fallback).join(', ')}.`,
      );
      return fallback;
    }
  }
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * Outside production a developer should not have to invent secrets: they are
 * generated once and kept in the data folder, so tokens and encrypted data
 * survive restarts.
 */
function developmentSecrets(dataDir: string): { jwtSecret: string; piiKey: string } {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    jwtSecret: randomBytes(48).toString('base64'),
    piiKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
