import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { INTENT_OUTCOMES, type IntentOutcome } from '@jipin/intents';

export class StaffIntentDto {
  @ApiProperty()
  @IsUUID('all', { message: '!求职者编号格式不正确' })
  seekerProfileId: string;

  @ApiProperty()
  @IsUUID('all', { message: '!岗位编号格式不正确' })
  vacancyId: string;
}

export class IntentOutcomeDto {
  @ApiProperty({ enum: INTENT_OUTCOMES })
  @IsIn(INTENT_OUTCOMES, { message: '!请选择跟踪结果（已入职或未入职）' })
  outcome: IntentOutcome;

  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '!入职日期格式应如 2026-03-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '!入职日期格式应如 2026-03-01' })
  hiredOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class FollowUpQueryDto {
  @ApiPropertyOptional({ description: '县级工作人员可按乡镇筛选' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: '!乡镇代码应为12位数字' })
  townshipCode?: string;

  @ApiPropertyOptional({ description: 'true：包括尚未到回访日期的意向' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  all?: boolean;
}
