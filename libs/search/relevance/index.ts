export * from './relevance-measure';
export * from './relevance-postings';
export * from './relevance-queries';
