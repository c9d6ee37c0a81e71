export * from './log-format';
export * from './logger';
export * from './logging.module';
export * from './request-context';
