import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@jipin/notifications';
import { RegionsModule } from '@jipin/regions';
import { SeekersModule } from '@jipin/seekers';
import { VacanciesModule } from '@jipin/vacancies';
import { JobAlertDigestService } from './job-alert-digest.service';
import { JobAlertEntity } from './job-alert.entity';
import { JobAlertService } from './job-alert.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([JobAlertEntity]),
    NotificationsModule,
    RegionsModule,
    SeekersModule,
    VacanciesModule,
  ],
  providers: [JobAlertService, JobAlertDigestService],
  exports: [JobAlertService, JobAlertDigestService],
})
export class AlertsModule {}
