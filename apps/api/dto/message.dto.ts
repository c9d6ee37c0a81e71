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
  @ApiProperty({ enum: ['harassment', 'fraud'] })
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

// Answers.

export class InvitationResponse {
  @ApiProperty() at: string;
  @ApiProperty() place: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) status: string;
  @ApiPropertyOptional() answeredAt?: string;
}

export class MessageResponse {
  @ApiProperty() id: string;
  @ApiProperty() threadId: string;
  @ApiProperty() mine: boolean;
  @ApiProperty({ enum: ['seeker', 'employer'] }) senderSide: string;
  @ApiProperty({ enum: ['text', 'quick', 'invitation', 'invitation_reply'] }) kind: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: InvitationResponse, nullable: true }) invitation: InvitationResponse | null;
  @ApiProperty({ enum: ['visible', 'held', 'rejected'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) heldReason: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'read receipt' }) readAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class ThreadResponse {
  @ApiProperty() id: string;
  @ApiProperty() subjectKind: string;
  @ApiProperty() subjectId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['seeker', 'employer'] }) mySide: string;
  @ApiProperty() counterpartName: string;
  @ApiProperty() unread: number;
  @ApiProperty() blocked: boolean;
  @ApiProperty({ nullable: true, type: Date }) lastMessageAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) lastMessagePreview: string | null;
}

export class ThreadWithMessagesResponse extends ThreadResponse {
  @ApiProperty({ type: [MessageResponse] }) messages: MessageResponse[];
}

export class UnreadResponse {
  @ApiProperty() unread: number;
}

export class QuickReplyResponse {
  @ApiProperty() code: string;
  @ApiProperty() text: string;
}

export class ReportCreatedResponse {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
}

export class ReportResponse {
  @ApiProperty() id: string;
  @ApiProperty() threadId: string;
  @ApiProperty() threadTitle: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ enum: ['seeker', 'employer'] }) reporterSide: string;
  @ApiProperty({ enum: ['harassment', 'fraud'] }) reason: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() status: string;
  @ApiProperty() createdAt: Date;
}

export class ReportedThreadResponse {
  @ApiProperty() threadId: string;
  @ApiProperty() title: string;
  @ApiProperty() seekerName: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ type: [MessageResponse] }) messages: MessageResponse[];
}

export class HeldMessageResponse {
  @ApiProperty() id: string;
  @ApiProperty() threadId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) heldReason: string | null;
  @ApiProperty() createdAt: Date;
}

export class DecisionResponse {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
}

export class VacancyInboxCounts {
  @ApiProperty() vacancyId: string;
  @ApiProperty() newApplicants: number;
  @ApiProperty() unreadMessages: number;
}

export class InboxCountsResponse {
  @ApiProperty() newApplicants: number;
  @ApiProperty() unreadMessages: number;
  @ApiProperty() followUpsDue: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: [VacancyInboxCounts] }) vacancies: VacancyInboxCounts[];
}

export class NewApplicantResponse {
  @ApiProperty() applicationId: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty() seekerName: string;
  @ApiProperty() appliedAt: Date;
}

export class InboxResponse {
  @ApiProperty({ type: InboxCountsResponse }) counts: InboxCountsResponse;
  @ApiProperty({ type: [NewApplicantResponse] }) newApplicants: NewApplicantResponse[];
  @ApiProperty({ type: [ThreadResponse] }) threads: ThreadResponse[];
}

export class HotlineResponse {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
}

export class ContactOptionsResponse {
  @ApiProperty() vacancyId: string;
  @ApiProperty() contactName: string;
  @ApiProperty({ enum: ['signed_in', 'after_applying', 'messages_only'] }) contactMode: string;
  @ApiProperty() contactModeName: string;
  @ApiProperty({ type: HotlineResponse }) hotline: HotlineResponse;
}

export class RevealedContactResponse {
  @ApiProperty() contactName: string;
  @ApiProperty() phone: string;
  @ApiProperty({ example: 'tel:13812345678' }) telUri: string;
}

export class JobAlertResponse {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) keyword: string | null;
  @ApiProperty({ nullable: true, type: String }) townshipCode: string | null;
  @ApiProperty({ nullable: true, type: String }) townshipName: string | null;
  @ApiProperty({ nullable: true, type: Number }) radiusKm: number | null;
  @ApiProperty({ nullable: true, type: String }) kind: string | null;
  @ApiProperty({ nullable: true, type: Number }) payMin: number | null;
  @ApiProperty() sms: boolean;
  @ApiProperty() createdAt: Date;
}

export class JobAlertSuggestionResponse {
  @ApiProperty({ nullable: true, type: String }) keyword: string | null;
  @ApiProperty({ nullable: true, type: String }) townshipCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) radiusKm: number | null;
  @ApiProperty({ nullable: true, type: String }) kind: string | null;
  @ApiProperty({ nullable: true, type: Number }) payMin: number | null;
  @ApiProperty() sms: boolean;
}

export class UnsubscribedResponse {
  @ApiProperty() stopped: number;
}
