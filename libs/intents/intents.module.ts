import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@jipin/notifications';
import { SeekersModule } from '@jipin/seekers';
import { PlacementIntentEntity } from './entities/placement-intent.entity';
import { PlacementEntity } from './entities/placement.entity';
import { FollowUpService } from './follow-up.service';
import { IntentNotifierService } from './intent-notifier.service';
import { IntentService } from './intent.service';

const services = [IntentService, FollowUpService, IntentNotifierService];

@Module({
  imports: [
    TypeOrmModule.forFeature([PlacementIntentEntity, PlacementEntity]),
    SeekersModule,
    NotificationsModule,
  ],
  providers: services,
  exports: services,
})
export class IntentsModule {}
