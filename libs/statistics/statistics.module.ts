import { Module } from '@nestjs/common';
import { GigsModule } from '@jipin/gigs';
import { RegionsModule } from '@jipin/regions';
import { GigStatisticsService } from './gig-statistics.service';
import { StatisticsFiguresService } from './statistics-figures.service';
import { StatisticsReportService } from './statistics-report.service';
import { StatisticsService } from './statistics.service';

const services = [
  StatisticsService,
  StatisticsFiguresService,
  StatisticsReportService,
  GigStatisticsService,
];

@Module({ imports: [RegionsModule, GigsModule], providers: services, exports: services })
export class StatisticsModule {}
