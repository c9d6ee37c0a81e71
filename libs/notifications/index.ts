export * from './notification.entity';
export * from './notification.service';
export * from './notifications.module';
export * from './notification-retention';
