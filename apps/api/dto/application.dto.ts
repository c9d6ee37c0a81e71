import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  EMPLOYER_STATUSES,
  type EmployerStatus,
} from '@jipin/applications';

export class ApplyDto {
  @ApiProperty()
  @IsUUID('all', { message: '!岗位编号格式不正确' })
  vacancyId: string;

  @ApiPropertyOptional({ example: '有三年焊工经验，可随时到岗' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  coverNote?: string;
}

export class MoveApplicationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ enum: EMPLOYER_STATUSES })
  @IsIn(EMPLOYER_STATUSES, {
    message: '!请选择新的状态（已查看、面试中、达成意向、已录用、未通过）',
  })
  status: EmployerStatus;

  @ApiPropertyOptional({
    example: '2026-03-01',
    description: '入职日期，仅“已录用”时填写；默认今天',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '!入职日期格式应如 2026-03-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '!入职日期格式应如 2026-03-01' })
  hiredOn?: string;
}

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}
