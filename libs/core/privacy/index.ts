export * from './pii-cipher';
export * from './chinese-ids';
