import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@jipin/accounts';
import { ApplicationsModule, FAIR_MEETINGS } from '@jipin/applications';
import { IntentsModule } from '@jipin/intents';
import { NotificationsModule } from '@jipin/notifications';
import { RegionsModule } from '@jipin/regions';
import { SeekersModule } from '@jipin/seekers';
import { BoothService } from './booth.service';
import { FairBoothEntity } from './entities/fair-booth.entity';
import { FairRegistrationEntity } from './entities/fair-registration.entity';
import { FairEntity } from './entities/fair.entity';
import { FairFloorService } from './fair-floor.service';
import { FairMeetingsService } from './fair-meetings.service';
import { FairNoticeService } from './fair-notice.service';
import { FairStatsService } from './fair-stats.service';
import { FairService } from './fair.service';
import { RegistrationService } from './registration.service';
import { WindowRegistrationService } from './window-registration.service';

const services = [
  FairService,
  BoothService,
  RegistrationService,
  FairFloorService,
  FairStatsService,
  FairNoticeService,
  WindowRegistrationService,
  FairMeetingsService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([FairEntity, FairBoothEntity, FairRegistrationEntity]),
    AccountsModule,
    RegionsModule,
    NotificationsModule,
    ApplicationsModule,
    IntentsModule,
    SeekersModule,
  ],
  // The applications lib reads fair meetings through this token (see FairMeetings).
  providers: [...services, { provide: FAIR_MEETINGS, useExisting: FairMeetingsService }],
  exports: [...services, FAIR_MEETINGS],
})
export class FairsModule {}
