import { Body, Controller, Get, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { staffTownshipFilter } from '@jipin/seekers';
import {
  StatisticsFiguresService,
  StatisticsReportService,
  StatisticsScope,
  StatisticsService,
  statisticsCsv,
  statisticsWorkbook,
} from '@jipin/statistics';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ExportLimited } from '../http/export-limit.interceptor';
import {
  ExportQueryDto,
  FiguresQueryDto,
  MonthlyQueryDto,
  SetFigureDto,
  StatisticsScopeQueryDto,
} from '../dto/statistics.dto';
import {
  FigureDto,
  IndicatorValueDto,
  MonthlyPointDto,
  OccupationSupplyDemandDto,
  ReportTextDto,
  TownshipIndicatorsDto,
} from '../dto/statistics-response.dto';
import { ApiErrors } from '../openapi/error-answers';
import { ApiFileAnswer } from '../openapi/file-answer';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The bureau's figures for staff: indicators with targets, series, breakdowns, report text, exports. */
@ApiTags('statistics')
@Controller('staff/statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly reports: StatisticsReportService,
    private readonly figures: StatisticsFiguresService,
  ) {}

  @Get('indicators')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [IndicatorValueDto] })
  indicators(
    @CurrentUser() user: Principal,
    @Query() query: StatisticsScopeQueryDto,
  ): Promise<IndicatorValueDto[]> {
    return this.statistics.indicators(scopeFor(user, query));
  }

  @Get('monthly')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [MonthlyPointDto] })
  monthly(
    @CurrentUser() user: Principal,
    @Query() query: MonthlyQueryDto,
  ): Promise<MonthlyPointDto[]> {
    return this.statistics.monthly(query.indicator, scopeFor(user, query));
  }

  @Get('townships')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [TownshipIndicatorsDto] })
  townships(
    @CurrentUser() user: Principal,
    @Query() query: StatisticsScopeQueryDto,
  ): Promise<TownshipIndicatorsDto[]> {
    return this.statistics.byTownship(scopeFor(user, query));
  }

  @Get('occupations')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [OccupationSupplyDemandDto] })
  occupations(
    @CurrentUser() user: Principal,
    @Query() query: StatisticsScopeQueryDto,
  ): Promise<OccupationSupplyDemandDto[]> {
    return this.statistics.supplyDemandByOccupation(scopeFor(user, query));
  }

  @Get('report-text')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: ReportTextDto })
  async reportText(
    @CurrentUser() user: Principal,
    @Query() query: StatisticsScopeQueryDto,
  ): Promise<ReportTextDto> {
    return { text: await this.reports.text(scopeFor(user, query)) };
  }

  @Get('export')
  @Access('staff', 'admin')
  @ExportLimited()
  @ApiFileAnswer('主要指标（.xlsx 或 .csv）', XLSX, 'text/csv')
  async export(
    @CurrentUser() user: Principal,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.reports.report(scopeFor(user, query));
    const name = `就业工作主要指标_${report.periodLabel}.${query.format}`;
    const data = query.format === 'xlsx' ? await statisticsWorkbook(report) : statisticsCsv(report);
    return new StreamableFile(data, {
      type: query.format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8',
      disposition: `attachment; filename="statistics.${query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  }

  @Get('figures')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [FigureDto] })
  listFigures(@Query() query: FiguresQueryDto): Promise<FigureDto[]> {
    return this.figures.list(query.year);
  }

  @Put('figures')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: FigureDto })
  @ApiErrors({ 403: ['county_staff_only'] })
  setFigure(@CurrentUser() user: Principal, @Body() body: SetFigureDto): Promise<FigureDto> {
    return this.figures.set(user, body);
  }
}

/** Window staff see their own township only; asking for another is refused. */
function scopeFor(user: Principal, query: StatisticsScopeQueryDto): StatisticsScope {
  return { ...query, townshipCode: staffTownshipFilter(user, query.townshipCode) };
}
