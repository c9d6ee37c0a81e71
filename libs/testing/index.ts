export * from './accounts.fixtures';
export * from './test-api';
export * from './test-config';
export * from './test-database';
export * from './worker-process';
export * from './routes';
export * from './own-redis';
