import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

// Shapes only: the gig rules (dates, place, pay floor, wording) live in @jipin/gigs.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TOWNSHIP = /^\d{12}$/;

const TownshipCode = () =>
  applyDecorators(
    ApiProperty({ example: '360822101000' }),
    Matches(TOWNSHIP, { message: '!乡镇代码应为12位数字' }),
  );
const VillageCode = () =>
  applyDecorators(
    ApiPropertyOptional(),
    IsOptional(),
    Matches(TOWNSHIP, { message: '!村（社区）代码应为12位数字' }),
  );
const Skills = (max: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max, { message: `!技能最多${max}项` }),
    IsString({ each: true }),
    MaxLength(20, { each: true, message: '!每项技能最长20个字' }),
  );

export class OnBehalfOfDto {
  @ApiProperty({ description: '雇主姓名' })
  @IsString({ message: '!请填写雇主姓名' })
  @MinLength(1, { message: '!请填写雇主姓名' })
  @MaxLength(50, { message: '!姓名最长50个字' })
  name: string;

  @ApiPropertyOptional({ description: '雇主手机号（加密保存，不对外显示）' })
  @IsOptional()
  @Matches(/^1[3-9]\d{9}$/, { message: '!手机号应为11位数字' })
  phone?: string;
}

export class GigDto {
  @ApiProperty({ example: '摘脐橙' })
  @IsString({ message: '!请填写做什么活' })
  @MinLength(2, { message: '!请用两个字以上说明做什么活' })
  @MaxLength(60, { message: '!标题最长60个字' })
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: '!说明最长1000个字' })
  description?: string;

  @ApiProperty({ enum: ['hour', 'day', 'piece'] })
  @IsIn(['hour', 'day', 'piece'], { message: '!计薪方式须为按小时、按天或按件' })
  payUnit: 'hour' | 'day' | 'piece';

  @ApiProperty({ example: 150 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '!工钱须为数字' })
  payAmount: number;

  @ApiPropertyOptional({ description: '日结（当天结清）', default: true })
  @IsOptional()
  @IsBoolean()
  paidSameDay?: boolean;

  @ApiProperty({ example: '2026-05-01' })
  @Matches(DATE, { message: '!开工日期格式应如 2026-05-01' })
  @IsISO8601({ strict: true }, { message: '!开工日期不存在' })
  startDate: string;

  @ApiPropertyOptional({ example: '2026-05-02', description: '多天的零工：最后一天' })
  @IsOptional()
  @Matches(DATE, { message: '!结束日期格式应如 2026-05-02' })
  @IsISO8601({ strict: true }, { message: '!结束日期不存在' })
  endDate?: string;

  @ApiProperty({ example: '07:30' })
  @Matches(TIME, { message: '!开工时间格式应如 07:30' })
  startTime: string;

  @ApiProperty({ example: 8 })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: '!每天工作小时数须为数字' })
  @Min(0.5, { message: '!每天至少半小时' })
  @Max(14, { message: '!每天最多14小时' })
  hoursPerDay: number;

  @TownshipCode()
  townshipCode: string;

  @VillageCode()
  villageCode?: string;

  @ApiPropertyOptional({ example: '村口大樟树下集合' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '!地址最长100个字' })
  address?: string;

  @ApiProperty({ example: 5 })
  @IsInt({ message: '!招几个人须为整数' })
  @Min(1, { message: '!至少招1人' })
  @Max(200, { message: '!一个零工最多招200人' })
  headcount: number;

  @Skills(10)
  skills?: string[];

  @ApiPropertyOptional({ enum: ['light', 'moderate', 'heavy'] })
  @IsOptional()
  @IsIn(['light', 'moderate', 'heavy'], { message: '!体力要求须为轻、一般或重' })
  physicalDemand?: 'light' | 'moderate' | 'heavy';

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  meals?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  transport?: boolean;
}

export class StaffGigDto extends GigDto {
  @ApiProperty({ type: OnBehalfOfDto })
  @ValidateNested()
  @Type(() => OnBehalfOfDto)
  onBehalfOf: OnBehalfOfDto;
}

export class ReasonDto {
  @ApiProperty()
  @IsString({ message: '!请填写原因' })
  @MinLength(2, { message: '!请填写原因' })
  @MaxLength(200, { message: '!原因最长200个字' })
  reason: string;
}

export class AvailabilityDto {
  @TownshipCode()
  townshipCode: string;

  @VillageCode()
  villageCode?: string;

  @ApiProperty({ example: 10, description: '最远去多少公里' })
  @IsInt({ message: '!距离须为整数公里' })
  @Min(1, { message: '!至少1公里' })
  @Max(100, { message: '!最远100公里' })
  radiusKm: number;

  @Skills(20)
  skills?: string[];

  @ApiPropertyOptional({ type: [String], example: ['2026-05-01'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31, { message: '!最多选31个日期' })
  @Matches(DATE, { each: true, message: '!日期格式应如 2026-05-01' })
  @IsISO8601({ strict: true }, { each: true, message: '!日期不存在' })
  availableDates?: string[];

  @ApiPropertyOptional({ type: [Number], description: '每周几有空，1=周一 … 7=周日' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true, message: '!星期须为1到7' })
  @Min(1, { each: true, message: '!星期须为1到7' })
  @Max(7, { each: true, message: '!星期须为1到7' })
  weekdays?: number[];

  @ApiPropertyOptional({ description: 'false：暂不接零工' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class WindowWorkerDto extends AvailabilityDto {
  @ApiProperty({ description: '代录的求职者档案编号' })
  @IsUUID('all', { message: '!求职者编号格式不正确' })
  profileId: string;
}

export class AssignWorkerDto {
  @ApiProperty()
  @IsUUID('all', { message: '!工人编号格式不正确' })
  workerUserId: string;
}

export class RecordedTimeDto {
  @ApiPropertyOptional({ description: '时间，默认现在', example: '2026-05-01T07:30:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '!时间格式应如 2026-05-01T07:30:00+08:00' })
  at?: string;
}

export class PayRecordDto {
  @ApiProperty({ example: 150 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '!工资金额须为数字' })
  @Min(0.01, { message: '!工资金额须大于0' })
  @Max(100000, { message: '!工资金额过大，请核对' })
  amount: number;

  @ApiProperty({ enum: ['paid', 'owed'] })
  @IsIn(['paid', 'owed'], { message: '!请选择已付或未付' })
  status: 'paid' | 'owed';

  @ApiPropertyOptional({ description: '哪一天的工资，默认最近签到的一天', example: '2026-05-01' })
  @IsOptional()
  @Matches(DATE, { message: '!日期格式应如 2026-05-01' })
  date?: string;
}

export class RatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: '!评分须为1到5的整数' })
  @Min(1, { message: '!评分须为1到5的整数' })
  @Max(5, { message: '!评分须为1到5的整数' })
  score: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '!评价最长200个字' })
  comment?: string;
}

export class UnpaidReportDto {
  @ApiProperty({ example: 150 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '!欠薪金额须为数字' })
  @Min(0.01, { message: '!欠薪金额须大于0' })
  @Max(1000000, { message: '!金额过大，请核对' })
  amountOwed: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '!情况说明最长500个字' })
  note?: string;
}

export class GigListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TOWNSHIP, { message: '!乡镇代码应为12位数字' })
  townshipCode?: string;

  @ApiPropertyOptional({ example: '2026-05-01' })
  @IsOptional()
  @Matches(DATE, { message: '!日期格式应如 2026-05-01' })
  @IsISO8601({ strict: true }, { message: '!日期不存在' })
  date?: string;
}

export class StationQueryDto extends GigListQueryDto {}

export class GigFiguresQueryDto {
  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { message: '!开始日期格式应如 2026-01-01' })
  from: string;

  @ApiProperty({ example: '2026-12-31' })
  @Matches(DATE, { message: '!结束日期格式应如 2026-12-31' })
  to: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TOWNSHIP, { message: '!乡镇代码应为12位数字' })
  townshipCode?: string;
}
