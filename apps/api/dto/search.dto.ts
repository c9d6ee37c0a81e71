import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_QUERY_LENGTH, SEARCH_SORTS, type SearchSort, VacancySearchQuery } from '@jipin/search';
import { EDUCATION_LEVELS, PAY_UNITS, VACANCY_KINDS, WELFARE_TAGS } from '@jipin/vacancies';
import { PageQuery } from './paging';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;
const toList = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',').filter(Boolean)
      : value;

const givesPoint = (o: { lat?: unknown; lng?: unknown }) =>
  o.lat !== undefined || o.lng !== undefined;

/** GET /api/search/vacancies; unknown parameters are refused like unknown body fields. */
export class SearchVacanciesQuery extends PageQuery {
  @ApiPropertyOptional({
    description: '搜索词，如"普工"、"吉水 司机"',
    maxLength: MAX_QUERY_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_LENGTH, { message: `!搜索词不能超过${MAX_QUERY_LENGTH}个字` })
  q?: string;

  @ApiPropertyOptional({ description: '职业编码' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  occupationCode?: string;

  @ApiPropertyOptional({ enum: Object.keys(VACANCY_KINDS) })
  @IsOptional()
  @IsIn(Object.keys(VACANCY_KINDS))
  kind?: string;

  @ApiPropertyOptional({ description: '乡镇（街道）编码' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  townshipCode?: string;

  @ApiPropertyOptional({ description: '期望薪资下限：岗位最高薪资不低于此数' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: '!最低薪资须为数字' })
  @Min(0)
  payMin?: number;

  @ApiPropertyOptional({ description: '期望薪资上限：岗位最低薪资不高于此数' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: '!最高薪资须为数字' })
  @Min(0)
  payMax?: number;

  @ApiPropertyOptional({ enum: PAY_UNITS })
  @IsOptional()
  @IsIn(PAY_UNITS)
  payUnit?: string;

  @ApiPropertyOptional({ enum: Object.keys(EDUCATION_LEVELS) })
  @IsOptional()
  @IsIn(Object.keys(EDUCATION_LEVELS))
  education?: string;

  @ApiPropertyOptional({ description: '福利，逗号分隔；须全部具备', type: [String] })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(WELFARE_TAGS, { each: true, message: '!福利标签不在可选范围内' })
  welfareTags?: string[];

  @ApiPropertyOptional({ description: '面向重点群体' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  keyGroupFriendly?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '!单位编号格式不正确' })
  employerId?: string;

  @ApiPropertyOptional({ description: '最近 N 天内发布' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  postedWithinDays?: number;

  @ApiPropertyOptional({ description: '招聘会编号' })
  @IsOptional()
  @IsUUID('all', { message: '!招聘会编号格式不正确' })
  fairId?: string;

  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(SEARCH_SORTS, { message: '!排序方式须为 relevance、newest、pay 或 distance' })
  sort?: SearchSort;

  @ApiPropertyOptional({ description: '所在位置纬度（附近的工作），与 lng 一起提供' })
  @ValidateIf(givesPoint)
  @Type(() => Number)
  @IsLatitude({ message: '!位置须同时提供有效的纬度 lat 和经度 lng' })
  lat?: number;

  @ApiPropertyOptional({ description: '所在位置经度，与 lat 一起提供' })
  @ValidateIf(givesPoint)
  @Type(() => Number)
  @IsLongitude({ message: '!位置须同时提供有效的纬度 lat 和经度 lng' })
  lng?: number;

  @ApiPropertyOptional({ description: '距离范围（公里）' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: '!距离范围须为数字' })
  @Min(0.1)
  @Max(500)
  radiusKm?: number;

  /** The port's query: lat and lng become a point only when both are given. */
  toQuery(): VacancySearchQuery {
    const { lat, lng, ...rest } = this;
    return {
      ...rest,
      point: lat !== undefined && lng !== undefined ? { lat, lng } : undefined,
    };
  }
}

export class SuggestQuery {
  @ApiPropertyOptional({ description: '已输入的文字' })
  @IsString({ message: '!请输入搜索词' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `!搜索词不能超过${MAX_QUERY_LENGTH}个字` })
  q: string;
}
