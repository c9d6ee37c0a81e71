import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Offset, PageSize } from './paging';
import { StatisticsScopeQueryDto } from './statistics.dto';

class SubsidyPagingDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @PageSize(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @Offset()
  offset?: number;
}

/** Paging first, so a bad page is the first thing the answer names. */
export class SubsidyListQueryDto extends IntersectionType(
  SubsidyPagingDto,
  StatisticsScopeQueryDto,
) {}

export class SubsidyExportQueryDto extends StatisticsScopeQueryDto {
  @ApiPropertyOptional({ description: '导出用途，记入个人信息访问日志' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '!用途最多100个字' })
  purpose?: string;
}
