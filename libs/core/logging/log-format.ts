import { DestinationStream } from 'pino';

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines for machines (files, collectors, tests reading the output); short, readable
 * lines when a person watches a terminal. LOG_FORMAT=json|pretty overrides the guess.
 */
export function logFormat(
  env: Record<string, string | undefined> = process.env,
  terminal = Boolean(process.stdout.isTTY),
): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return terminal ? 'pretty' : 'json';
}

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const INFO = 30;
// Shown in the line's head, or of no use to a person reading along.
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'component']);

type LogRecord = Record<string, unknown> & { level: number; time: number; msg?: string };

/**
 * One short line for a log record, or undefined for what only fills a terminal: Nest's
 * start-up chatter (every module and route it maps), kept in the JSON form.
 */
export function prettyLine(record: LogRecord): string | undefined {
  if (record.component === 'nest' && record.level <= INFO) return undefined;
  const time = new Date(record.time).toTimeString().slice(0, 8);
  const head = `${time} ${LEVELS[record.level] ?? record.level} ${record.name ?? ''}`;
  if (record.msg === 'request completed' || record.msg === 'request errored') {
    const req = record.req as { method?: string; url?: string } | undefined;
    const res = record.res as { statusCode?: number } | undefined;
    const ms = Math.round(Number(record.responseTime ?? 0));
    return `${head} ${req?.method} ${req?.url} ${res?.statusCode} ${ms}ms`;
  }
  const extras = Object.entries(record)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${describe(key, value)}`);
  return [head, record.msg, ...extras].filter(Boolean).join(' ');
}

function describe(key: string, value: unknown): string {
  if (key === 'err' && value && typeof value === 'object') {
    const error = value as { message?: string; stack?: string };
    return error.stack ?? error.message ?? JSON.stringify(value);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A pino destination writing prettyLine() to standard output. */
export function prettyDestination(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return {
    write(chunk: string) {
      for (const json of chunk.split('\n').filter(Boolean)) {
        const line = prettyLine(JSON.parse(json) as LogRecord);
        if (line !== undefined) out.write(`${line}\n`);
      }
    },
  };
}
