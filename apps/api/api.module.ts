import { AlertsModule } from '@jipin/alerts';
import { MessagesModule } from '@jipin/messages';
import { ContactController } from './controllers/contact.controller';
import { EmployerInboxController } from './controllers/employer-inbox.controller';
import { JobAlertsController } from './controllers/job-alerts.controller';
import { MessagesController } from './controllers/messages.controller';
import { StaffMessagesController } from './controllers/staff-messages.controller';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '@jipin/accounts';
import { ApplicationsModule } from '@jipin/applications';
import { CoreModule, CoreModuleOptions } from '@jipin/core';
import { DemoDataModule } from '@jipin/demo-data';
import { EmployersModule } from '@jipin/employers';
import { FairsModule } from '@jipin/fairs';
import { GigsModule } from '@jipin/gigs';
import { IntentsModule } from '@jipin/intents';
import { LedgersModule } from '@jipin/ledgers';
import { MatchingModule } from '@jipin/matching';
import { NotificationsModule } from '@jipin/notifications';
import { RegionsModule } from '@jipin/regions';
import { SearchModule } from '@jipin/search';
import { VacanciesModule } from '@jipin/vacancies';
import { SeekersModule } from '@jipin/seekers';
import { StatisticsModule } from '@jipin/statistics';
import { AccessGuard } from './auth/access.guard';
import { AdminAccountsController } from './controllers/admin-accounts.controller';
import { ApplicationsController } from './controllers/applications.controller';
import { EmployerApplicantsController } from './controllers/employer-applicants.controller';
import { AuthController } from './controllers/auth.controller';
import { EmployerVacanciesController } from './controllers/employer-vacancies.controller';
import { EmployersController } from './controllers/employers.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { QueuesController } from './controllers/queues.controller';
import { RegionsController } from './controllers/regions.controller';
import { StaffEmployersController } from './controllers/staff-employers.controller';
import { StaffVacanciesController } from './controllers/staff-vacancies.controller';
import { VacanciesController } from './controllers/vacancies.controller';
import { VacancyImportsController } from './controllers/vacancy-imports.controller';
import { LedgerImportsController } from './controllers/ledger-imports.controller';
import { WelfareSubsidiesController } from './controllers/welfare-subsidies.controller';
import { PaperNoticesController } from './controllers/paper-notices.controller';
import { SeekersController } from './controllers/seekers.controller';
import { StaffSeekersController } from './controllers/staff-seekers.controller';
import { StatisticsController } from './controllers/statistics.controller';
import { IntentsController } from './controllers/intents.controller';
import { EmployerFairsController } from './controllers/employer-fairs.controller';
import { FairsController } from './controllers/fairs.controller';
import { StaffFairsController } from './controllers/staff-fairs.controller';
import { StaffSearchVocabularyController } from './controllers/staff-search-vocabulary.controller';
import { SearchController } from './controllers/search.controller';
import { RecommendationsController } from './controllers/recommendations.controller';
import { DemoDataController } from './controllers/demo-data.controller';
import { GigAssignmentsController } from './controllers/gig-assignments.controller';
import { GigsController } from './controllers/gigs.controller';
import { StaffGigsController } from './controllers/staff-gigs.controller';
import { HealthController } from './health/health.controller';
import { ApiExceptionFilter } from './http/api-exception.filter';

/** The HTTP API: domain modules from libs plus this app's controllers. */
@Module({})
export class ApiModule {
  static forRoot(core: CoreModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(core),
        RegionsModule,
        AccountsModule,
        NotificationsModule,
        EmployersModule,
        VacanciesModule,
        SeekersModule,
        ApplicationsModule,
        StatisticsModule,
        IntentsModule,
        FairsModule,
        SearchModule,
        MatchingModule,
        DemoDataModule,
        GigsModule,
        MessagesModule,
        AlertsModule,
        LedgersModule,
      ],
      controllers: [
        HealthController,
        DemoDataController,
        AuthController,
        AdminAccountsController,
        RegionsController,
        NotificationsController,
        QueuesController,
        EmployersController,
        StaffEmployersController,
        EmployerVacanciesController,
        StaffVacanciesController,
        VacanciesController,
        VacancyImportsController,
        LedgerImportsController,
        WelfareSubsidiesController,
        PaperNoticesController,
        SeekersController,
        StaffSeekersController,
        ApplicationsController,
        EmployerApplicantsController,
        StatisticsController,
        IntentsController,
        FairsController,
        EmployerFairsController,
        StaffFairsController,
        SearchController,
        StaffSearchVocabularyController,
        RecommendationsController,
        GigsController,
        GigAssignmentsController,
        StaffGigsController,
        MessagesController,
        StaffMessagesController,
        EmployerInboxController,
        ContactController,
        JobAlertsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
