import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
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

class NamedCode {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class SubsidyLineDto {
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiProperty() placementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, example: '3608*************4', description: '已脱敏' })
  idNumber: string | null;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ type: [NamedCode] }) keyGroups: NamedCode[];
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() hiredOn: string;
  @ApiProperty({ nullable: true }) leftOn: string | null;
  @ApiProperty({ description: '月补贴标准（元）' }) standard: number;
  @ApiProperty() daysInPost: number;
  @ApiProperty() daysInMonth: number;
  @ApiProperty({ description: '应发补贴（元）' }) amount: number;
}

class SubsidyByMonth {
  @ApiProperty() month: string;
  @ApiProperty() amount: number;
  @ApiProperty() people: number;
}

class SubsidyByTownship {
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty() amount: number;
  @ApiProperty() people: number;
}

class SubsidyByKeyGroup {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() amount: number;
  @ApiProperty() people: number;
}

export class SubsidyListDto {
  @ApiProperty({ description: '期间应发补贴合计（元）' }) amount: number;
  @ApiProperty() people: number;
  @ApiProperty() personMonths: number;
  @ApiProperty({ type: [SubsidyByMonth] }) byMonth: SubsidyByMonth[];
  @ApiProperty({ type: [SubsidyByTownship] }) byTownship: SubsidyByTownship[];
  @ApiProperty({
    type: [SubsidyByKeyGroup],
    description: '一人可属多个重点群体，各群体合计可能大于总计',
  })
  byKeyGroup: SubsidyByKeyGroup[];
  @ApiProperty({ type: [SubsidyLineDto] }) items: SubsidyLineDto[];
}
