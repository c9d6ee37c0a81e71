export * from './entities/placement-intent.entity';
export * from './entities/placement.entity';
export * from './follow-up.service';
export * from './intent-notifier.service';
export * from './intent-view';
export * from './intent.service';
export * from './intents.module';
export * from './placement-classes';
