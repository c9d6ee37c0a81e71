export * from './education-level';
export * from './match-scoring';
