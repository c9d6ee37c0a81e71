import { Module } from '@nestjs/common';
import { RegionsModule } from '@jipin/regions';
import { StatisticsFiguresService } from './statistics-figures.service';
import { StatisticsReportService } from './statistics-report.service';
import { StatisticsService } from './statistics.service';

const services = [StatisticsService, StatisticsFiguresService, StatisticsReportService];

@Module({ imports: [RegionsModule], providers: services, exports: services })
export class StatisticsModule {}
