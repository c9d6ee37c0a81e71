export * from './geo';
export * from './region-tree';
export * from './regions.module';
export * from './regions.service';
