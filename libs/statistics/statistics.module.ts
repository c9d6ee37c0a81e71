import { Module } from '@nestjs/common';
import { GigsModule } from '@jipin/gigs';
import { RegionsModule } from '@jipin/regions';
import { SeekersModule } from '@jipin/seekers';
import { GigStatisticsService } from './gig-statistics.service';
import { StatisticsFiguresService } from './statistics-figures.service';
import { StatisticsReportService } from './statistics-report.service';
import { StatisticsService } from './statistics.service';
import { WelfareSubsidyService } from './welfare-subsidy.service';

const services = [
  StatisticsService,
  StatisticsFiguresService,
  StatisticsReportService,
  GigStatisticsService,
  WelfareSubsidyService,
];

@Module({
  imports: [RegionsModule, GigsModule, SeekersModule],
  providers: services,
  exports: services,
})
export class StatisticsModule {}
