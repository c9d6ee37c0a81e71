import { AlertsModule } from '@jipin/alerts';
import { MessagesModule } from '@jipin/messages';
import { MessagesProcessor } from './processors/messages.processor';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '@jipin/accounts';
import { ApplicationsModule } from '@jipin/applications';
import { CoreModule, CoreModuleOptions } from '@jipin/core';
import { FairsModule } from '@jipin/fairs';
import { GigsModule } from '@jipin/gigs';
import { IntentsModule } from '@jipin/intents';
import { MatchingModule } from '@jipin/matching';
import { NotificationsModule } from '@jipin/notifications';
import { RegionsModule } from '@jipin/regions';
import { SearchModule } from '@jipin/search';
import { VacanciesModule } from '@jipin/vacancies';
import { JobWorkerHost } from './job-worker-host';
import { ApplicationsProcessor } from './processors/applications.processor';
import { FairsProcessor } from './processors/fairs.processor';
import { GigsProcessor } from './processors/gigs.processor';
import { IntentsProcessor } from './processors/intents.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { VacanciesProcessor } from './processors/vacancies.processor';
import { SearchProcessor } from './processors/search.processor';
import { MatchingProcessor } from './processors/matching.processor';

/** The worker: the same domain modules as the API, plus processors instead of controllers. */
@Module({})
export class WorkerModule {
  static forRoot(core: CoreModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(core),
        DiscoveryModule,
        RegionsModule,
        AccountsModule,
        NotificationsModule,
        VacanciesModule,
        ApplicationsModule,
        IntentsModule,
        FairsModule,
        SearchModule,
        MatchingModule,
        GigsModule,
        MessagesModule,
        AlertsModule,
      ],
      providers: [
        JobWorkerHost,
        NotificationsProcessor,
        MaintenanceProcessor,
        VacanciesProcessor,
        ApplicationsProcessor,
        IntentsProcessor,
        FairsProcessor,
        SearchProcessor,
        MatchingProcessor,
        GigsProcessor,
        MessagesProcessor,
      ],
    };
  }
}
