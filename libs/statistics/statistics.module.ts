import { Module } from '@nestjs/common';
import { RegionsModule } from '@jipin/regions';
import { SeekersModule } from '@jipin/seekers';
import { StatisticsFiguresService } from './statistics-figures.service';
import { StatisticsReportService } from './statistics-report.service';
import { StatisticsService } from './statistics.service';
import { WelfareSubsidyService } from './welfare-subsidy.service';

const services = [
  StatisticsService,
  StatisticsFiguresService,
  StatisticsReportService,
  WelfareSubsidyService,
];

@Module({ imports: [RegionsModule, SeekersModule], providers: services, exports: services })
export class StatisticsModule {}
