import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '@jipin/accounts';
import { CoreModule, CoreModuleOptions } from '@jipin/core';
import { NotificationsModule } from '@jipin/notifications';
import { RegionsModule } from '@jipin/regions';
import { VacanciesModule } from '@jipin/vacancies';
import { JobWorkerHost } from './job-worker-host';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { VacanciesProcessor } from './processors/vacancies.processor';

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
      ],
      providers: [JobWorkerHost, NotificationsProcessor, MaintenanceProcessor, VacanciesProcessor],
    };
  }
}
