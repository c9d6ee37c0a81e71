export * from './education-level';
export * from './match-scoring';
export * from './match-facts';
export * from './matching.module';
export * from './matching.service';
export * from './recommendation.service';
export * from './recommended-to';
