import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntentsModule } from '@jipin/intents';
import { NotificationsModule } from '@jipin/notifications';
import { SeekersModule } from '@jipin/seekers';
import { ApplicationNotifierService } from './application-notifier.service';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationService } from './application.service';
import { EmployerApplicantsService } from './employer-applicants.service';
import { ApplicationHistoryEntity } from './entities/application-history.entity';
import { ApplicationEntity } from './entities/application.entity';
import { VacancyFavouriteEntity } from './entities/vacancy-favourite.entity';
import { FavouriteService } from './favourite.service';
import { RecruitmentRetentionService } from './recruitment-retention.service';

const services = [
  ApplicationService,
  ApplicationWorkflowService,
  EmployerApplicantsService,
  FavouriteService,
  ApplicationNotifierService,
  RecruitmentRetentionService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([ApplicationEntity, ApplicationHistoryEntity, VacancyFavouriteEntity]),
    SeekersModule,
    NotificationsModule,
    IntentsModule,
  ],
  providers: services,
  exports: services,
})
export class ApplicationsModule {}
