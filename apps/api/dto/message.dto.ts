import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { REPORT_REASON_NAMES } from '@jipin/messages';

// Requests. Lengths are bounded here; the services say in Chinese what is wrong with the words.

export class OpenThreadDto {
  @ApiProperty({
    example: 'application',
    description: 'application, intent, or a kind another module registers',
  })
  @IsString()
  @MaxLength(24)
  subjectKind: string;

  @ApiProperty()
  @IsUUID('all', { message: '!沟通对象编号格式不正确' })
  subjectId: string;
}

export class SendMessageDto {
  @ApiPropertyOptional({ example: '您好，请问这个岗位还招人吗？' })
  @IsOptional()
  @IsString({ message: '!消息内容须为文字' })
  @MaxLength(2000, { message: '!消息不能超过500个字' })
  body?: string;

  @ApiPropertyOptional({ example: 'still_hiring' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  quickReply?: string;

  @ApiPropertyOptional({ description: "The sender's key: a retried send answers with the first" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: '!消息编号须为8到64位字母或数字' })
  clientKey?: string;
}

export class InvitationDto {
  @ApiProperty({ example: '2026-12-08T09:30:00+08:00' })
  @IsString()
  @MaxLength(40)
  at: string;

  @ApiProperty({ example: '城西工业园区1号办公楼2楼' })
  @IsString()
  @MaxLength(200)
  place: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  note?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: '!消息编号须为8到64位字母或数字' })
  clientKey?: string;
}

export class AnswerInvitationDto {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'], { message: '!请选择接受或婉拒' })
  answer: 'accept' | 'decline';
}

export class BlockDto {
  @ApiProperty()
  @IsBoolean()
  blocked: boolean;
}

export class ReportDto {
  @ApiProperty({
    enum: Object.keys(REPORT_REASON_NAMES),
    description: '名称见 x-labels reportReasons',
  })
  @IsString()
  @MaxLength(20)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReportDecisionDto {
  @ApiProperty({ enum: ['dismiss', 'suspend_employer'] })
  @IsIn(['dismiss', 'suspend_employer'], { message: '!处理方式须为驳回或暂停该单位' })
  decision: 'dismiss' | 'suspend_employer';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class HeldDecisionDto {
  @ApiProperty({ enum: ['release', 'reject'] })
  @IsIn(['release', 'reject'], { message: '!处理方式须为放行或拦截' })
  decision: 'release' | 'reject';
}

export class JobAlertDto {
  @ApiPropertyOptional({ example: '电工' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  keyword?: string;

  @ApiPropertyOptional({ example: '360822100000' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  townshipCode?: string;

  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @IsInt({ message: '!距离须为整数公里' })
  radiusKm?: number;

  @ApiPropertyOptional({ example: 'regular' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  kind?: string;

  @ApiPropertyOptional({ example: 4000 })
  @IsOptional()
  @IsInt({ message: '!最低工资须为整数' })
  payMin?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  sms?: boolean;
}

export class UnsubscribeDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9_-]{20,43}$/, { message: '!退订链接不完整，请从短信中重新打开' })
  token: string;
}
