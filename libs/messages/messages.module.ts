import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@jipin/accounts';
import { ApplicationsModule } from '@jipin/applications';
import { EmployersModule } from '@jipin/employers';
import { IntentsModule } from '@jipin/intents';
import { NotificationsModule } from '@jipin/notifications';
import { SeekersModule } from '@jipin/seekers';
import { VacanciesModule } from '@jipin/vacancies';
import { ContactService } from './contact.service';
import { ContactRevealEntity } from './entities/contact-reveal.entity';
import { MessageEntity } from './entities/message.entity';
import { MessageReportEntity } from './entities/message-report.entity';
import { MessageThreadEntity } from './entities/message-thread.entity';
import { MessageDeliveryService } from './message-delivery.service';
import { MessageModerationService } from './message-moderation.service';
import { MessageRetentionService } from './message-retention.service';
import { MessageService } from './message.service';
import { RecruitmentInboxService } from './recruiter-inbox.service';
import { ThreadSubjects } from './thread-subjects';
import { ThreadService } from './thread.service';

const services = [
  ThreadSubjects,
  ThreadService,
  MessageService,
  MessageDeliveryService,
  MessageModerationService,
  MessageRetentionService,
  ContactService,
  RecruitmentInboxService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      MessageThreadEntity,
      MessageEntity,
      MessageReportEntity,
      ContactRevealEntity,
    ]),
    AccountsModule,
    EmployersModule,
    VacanciesModule,
    ApplicationsModule,
    IntentsModule,
    NotificationsModule,
    SeekersModule,
  ],
  providers: services,
  exports: services,
})
export class MessagesModule {}
