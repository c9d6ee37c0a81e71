export * from './domain-error';
export * from './error-status';
export * from './validation-messages';
