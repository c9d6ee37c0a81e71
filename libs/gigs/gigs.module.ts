import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@jipin/accounts';
import { EmployersModule } from '@jipin/employers';
import { MessagesModule } from '@jipin/messages';
import { NotificationsModule } from '@jipin/notifications';
import { RegionsModule } from '@jipin/regions';
import { SeekersModule } from '@jipin/seekers';
import { GigAssignmentEntity } from './entities/gig-assignment.entity';
import { GigOfferEntity } from './entities/gig-offer.entity';
import { GigRatingEntity } from './entities/gig-rating.entity';
import { GigUnpaidReportEntity } from './entities/gig-unpaid-report.entity';
import { GigWorkDayEntity } from './entities/gig-work-day.entity';
import { GigWorkerEntity } from './entities/gig-worker.entity';
import { GigEntity } from './entities/gig.entity';
import { GigAcceptanceService } from './gig-acceptance.service';
import { GigBoardService } from './gig-board.service';
import { GigDayService } from './gig-day.service';
import { GigDispatchService } from './gig-dispatch.service';
import { GigFiguresService } from './gig-figures.service';
import { GigNotifierService } from './gig-notifier.service';
import { GigPostingService } from './gig-posting.service';
import { GigStationService } from './gig-station.service';
import { GigThreadSubject } from './gig-thread-subject';
import { GigWorkerService } from './gig-worker.service';

const services = [
  GigPostingService,
  GigWorkerService,
  GigAcceptanceService,
  GigDispatchService,
  GigDayService,
  GigBoardService,
  GigStationService,
  GigNotifierService,
  GigFiguresService,
  GigThreadSubject,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      GigEntity,
      GigWorkerEntity,
      GigOfferEntity,
      GigAssignmentEntity,
      GigRatingEntity,
      GigUnpaidReportEntity,
      GigWorkDayEntity,
    ]),
    AccountsModule,
    EmployersModule,
    MessagesModule,
    NotificationsModule,
    RegionsModule,
    SeekersModule,
  ],
  providers: services,
  exports: services,
})
export class GigsModule {}
