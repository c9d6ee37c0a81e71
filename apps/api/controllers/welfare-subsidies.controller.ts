import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { staffTownshipFilter } from '@jipin/seekers';
import { StatisticsScope, WelfareSubsidyService } from '@jipin/statistics';
import { Access, CurrentUser } from '../auth/access.decorator';
import { SubsidyExportQueryDto, SubsidyListQueryDto } from '../dto/subsidy.dto';
import { SubsidyListDto } from '../dto/subsidy-response.dto';
import { ExportLimited } from '../http/export-limit.interceptor';
import { ApiFileAnswer } from '../openapi/file-answer';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 公益性岗位补贴: payable per person and month in post, with the bureau's payment list. */
@ApiTags('staff')
@Controller('staff/public-welfare-subsidies')
export class WelfareSubsidiesController {
  constructor(private readonly subsidies: WelfareSubsidyService) {}

  @Get()
  @Access('staff', 'admin')
  @ApiOkResponse({ type: SubsidyListDto })
  list(
    @CurrentUser() user: Principal,
    @Query() query: SubsidyListQueryDto,
  ): Promise<SubsidyListDto> {
    const { limit, offset, ...scope } = query;
    return this.subsidies.list(scopeFor(user, scope), { limit: limit ?? 100, offset: offset ?? 0 });
  }

  @Get('export')
  @Access('staff', 'admin')
  @ExportLimited()
  @ApiFileAnswer('公益性岗位补贴发放名单 .xlsx（身份证号已脱敏）', XLSX)
  async export(
    @CurrentUser() user: Principal,
    @Query() query: SubsidyExportQueryDto,
  ): Promise<StreamableFile> {
    const { purpose, ...scope } = query;
    const file = await this.subsidies.export(user, scopeFor(user, scope), {
      purpose: purpose?.trim() || '导出公益性岗位补贴发放名单',
      route: 'GET /api/staff/public-welfare-subsidies/export',
    });
    return new StreamableFile(file, {
      type: XLSX,
      disposition: `attachment; filename="public-welfare-subsidies.xlsx"; filename*=UTF-8''${encodeURIComponent(`公益性岗位补贴发放名单_${query.from}_${query.to}.xlsx`)}`,
    });
  }
}

/** Window staff see their township's; county staff the county's or one township's. */
function scopeFor(user: Principal, query: StatisticsScope): StatisticsScope {
  return { ...query, townshipCode: staffTownshipFilter(user, query.townshipCode) };
}
