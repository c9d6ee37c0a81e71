export * from './alert-matching';
export * from './alerts.module';
export * from './job-alert-digest.service';
export * from './job-alert.entity';
export * from './job-alert.service';
