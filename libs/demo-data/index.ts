export * from './demo-data.module';
export * from './demo-data.service';
export * from './demo-records';
