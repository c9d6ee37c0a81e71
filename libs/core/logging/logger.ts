import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { logFormat, prettyDestination } from './log-format';
import { requestContext } from './request-context';

/**
 * One logger per process; every line carries the request id when there is one. JSON lines,
 * or short readable ones when a person watches the terminal (log-format.ts).
 */
export function createLogger(
  level: string,
  name: string,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level,
      name,
      base: { pid: process.pid },
      mixin() {
        const context = requestContext.current();
        return context ? { requestId: context.requestId, userId: context.userId } : {};
      },
    },
    destination ?? (logFormat() === 'pretty' ? prettyDestination() : undefined),
  );
}

/** Lets Nest's own messages go through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
