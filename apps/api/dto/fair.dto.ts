import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MOBILE_PATTERN } from '@jipin/core';
import {
  FAIR_MODES,
  FAIR_STATUSES,
  type FairMode,
  type FairStatus,
  TICKET_PATTERN,
} from '@jipin/fairs';
import { KEY_GROUPS } from '@jipin/seekers';

const TOWNSHIP = { message: '!乡镇（街道）代码应为12位数字' };
const PHONE = { message: '!手机号格式不正确，应为11位中国大陆手机号' };
const TICKET = { message: '!门票码格式不正确，请重新扫码' };
const DATE_TIME = { message: '!时间格式应如 2026-03-01T09:00:00+08:00' };

export class FairDto {
  @ApiProperty({ example: '2026年春风行动专场招聘会' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title: string;

  @ApiPropertyOptional({ example: '春风行动' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  campaign?: string;

  @ApiProperty({ enum: FAIR_MODES })
  @IsIn(FAIR_MODES, { message: '!请选择举办方式（线上、线下或线上线下同步）' })
  mode: FairMode;

  @ApiPropertyOptional({ example: '吉水县人力资源市场一楼大厅' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @ApiPropertyOptional({ example: '360822100000' })
  @IsOptional()
  @Matches(/^\d{12}$/, TOWNSHIP)
  townshipCode?: string;

  @ApiProperty({ example: '2026-03-01T09:00:00+08:00' })
  @IsISO8601({ strict: true }, DATE_TIME)
  startsAt: string;

  @ApiProperty({ example: '2026-03-01T12:00:00+08:00' })
  @IsISO8601({ strict: true }, DATE_TIME)
  endsAt: string;

  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  boothCount?: number;

  @ApiPropertyOptional({ enum: KEY_GROUPS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsIn(KEY_GROUPS, { each: true, message: '!请选择重点群体' })
  targetKeyGroups?: string[];

  @ApiPropertyOptional({ example: 'https://live.example.cn/jishui/2026spring' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: '!直播链接须为 http(s) 网址' },
  )
  @MaxLength(500)
  liveStreamUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UpdateFairDto extends PartialType(FairDto) {}

export class MoveFairDto {
  @ApiProperty({ enum: FAIR_STATUSES })
  @IsIn(FAIR_STATUSES, { message: '!请选择招聘会的新状态' })
  status: FairStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class FairListQueryDto {
  @ApiPropertyOptional({ enum: FAIR_STATUSES })
  @IsOptional()
  @IsIn(FAIR_STATUSES)
  status?: FairStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{12}$/, TOWNSHIP)
  townshipCode?: string;
}

export class BoothApplicationDto {
  @ApiProperty({ type: [String], description: '本单位已发布的岗位' })
  @IsArray()
  @ArrayMinSize(1, { message: '!请至少选择一个带到招聘会的岗位' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: '!岗位编号格式不正确' })
  vacancyIds: string[];
}

export class ApproveBoothDto {
  @ApiPropertyOptional({ description: '不填则分配最小的空展位号' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  boothNumber?: number;

  @ApiPropertyOptional({ description: '允许同一单位在本场有多个展位' })
  @IsOptional()
  @IsBoolean()
  allowAdditionalBooth?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RefuseBoothDto {
  @ApiProperty({ example: '展位已满，请参加下一场' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class CancelBoothDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** Exactly one of ticketCode (scanned) and phone (typed). */
export class CheckInDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TICKET_PATTERN, TICKET)
  ticketCode?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Matches(MOBILE_PATTERN, PHONE)
  phone?: string;
}

export class WalkInDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, PHONE)
  phone: string;

  @ApiProperty({ example: '李四' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;
}

export class WindowRegistrationDto {
  @ApiProperty({ description: '求职者档案编号' })
  @IsUUID('all', { message: '!求职者编号格式不正确' })
  seekerProfileId: string;
}

export class BoothIntentDto extends CheckInDto {
  @ApiProperty()
  @IsUUID('all', { message: '!岗位编号格式不正确' })
  vacancyId: string;
}

export class FairApplyDto {
  @ApiProperty()
  @IsUUID('all', { message: '!岗位编号格式不正确' })
  vacancyId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  coverNote?: string;
}

export class FairTotalsQueryDto {
  @ApiProperty({ example: '2026-01-01' })
  @IsISO8601({ strict: true }, { message: '!日期格式应如 2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '!日期格式应如 2026-01-01' })
  from: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsISO8601({ strict: true }, { message: '!日期格式应如 2026-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '!日期格式应如 2026-12-31' })
  to: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{12}$/, TOWNSHIP)
  townshipCode?: string;
}
