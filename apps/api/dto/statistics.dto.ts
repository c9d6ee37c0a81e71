import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { KEY_GROUPS, type KeyGroup } from '@jipin/seekers';
import { INDICATOR_CODES, type IndicatorCode, REFERENCE_FIGURES } from '@jipin/statistics';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StatisticsScopeQueryDto {
  @ApiProperty({ example: '2022-01-01' })
  @Matches(DATE, { message: '!开始日期格式应为 2022-01-01' })
  from: string;

  @ApiProperty({ example: '2022-12-31' })
  @Matches(DATE, { message: '!结束日期格式应为 2022-12-31' })
  to: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{12}$/, { message: '!乡镇代码应为12位数字' })
  townshipCode?: string;

  @ApiPropertyOptional({ enum: KEY_GROUPS })
  @IsOptional()
  @IsIn(KEY_GROUPS)
  keyGroup?: KeyGroup;
}

export class MonthlyQueryDto extends StatisticsScopeQueryDto {
  @ApiProperty({ enum: INDICATOR_CODES })
  @IsIn(INDICATOR_CODES)
  indicator: IndicatorCode;
}

export class ExportQueryDto extends StatisticsScopeQueryDto {
  @ApiProperty({ enum: ['xlsx', 'csv'] })
  @IsIn(['xlsx', 'csv'])
  format: 'xlsx' | 'csv';
}

export class FiguresQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class SetFigureDto {
  @ApiProperty()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: [...INDICATOR_CODES, ...Object.keys(REFERENCE_FIGURES)] })
  @IsIn([...INDICATOR_CODES, ...Object.keys(REFERENCE_FIGURES)])
  indicator: IndicatorCode | keyof typeof REFERENCE_FIGURES;

  @ApiProperty({ enum: ['target', 'reference'] })
  @IsIn(['target', 'reference'])
  kind: 'target' | 'reference';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{12}$/, { message: '!乡镇代码应为12位数字' })
  townshipCode?: string;

  @ApiProperty()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e10)
  value: number;
}
