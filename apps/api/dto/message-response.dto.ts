import { ApiProperty } from '@nestjs/swagger';
import { UnopenedApplication } from '@jipin/applications';
import { JobAlertSuggestion, JobAlertView } from '@jipin/alerts';
import {
  ContactOptions,
  HeldMessageView,
  Inbox,
  InboxCounts,
  InterviewInvitation,
  type MessageKind,
  type MessageStatus,
  MessageView,
  REPORT_REASON_NAMES,
  type ReportReason,
  type ReportStatus,
  ReportView,
  RevealedContact,
  type ThreadSide,
  ThreadView,
} from '@jipin/messages';
import { CONTACT_MODES, type ContactMode } from '@jipin/vacancies';
import { DateTimeField, EnumField, Nullable } from './response-fields';

const uuid = () => ApiProperty({ type: String, format: 'uuid' });
const SIDES = ['seeker', 'employer'];
const REPORT_REASONS = Object.keys(REPORT_REASON_NAMES);
const MESSAGE_STATUSES = ['visible', 'held', 'rejected'];
const REPORT_STATUSES = ['open', 'dismissed', 'employer_suspended'];

export class InvitationViewDto implements InterviewInvitation {
  @ApiProperty({ description: '面试时间（ISO 8601）' }) at: string;
  @ApiProperty() place: string;
  @EnumField(['pending', 'accepted', 'declined'], 'InvitationStatus')
  status: InterviewInvitation['status'];
  @ApiProperty({ required: false, description: '答复时间（ISO 8601）' }) answeredAt?: string;
}

export class MessageViewDto implements MessageView {
  @uuid() id: string;
  @uuid() threadId: string;
  @ApiProperty() mine: boolean;
  @EnumField(SIDES, 'ThreadSide') senderSide: ThreadSide;
  @EnumField(['text', 'quick', 'invitation', 'invitation_reply'], 'MessageKind')
  kind: MessageKind;
  @ApiProperty() body: string;
  @ApiProperty({ type: InvitationViewDto, nullable: true }) invitation: InvitationViewDto | null;
  @EnumField(MESSAGE_STATUSES, 'MessageStatus') status: MessageStatus;
  @ApiProperty({ type: String, nullable: true, description: '待审核原因，只告诉发送者' })
  heldReason: string | null;
  @DateTimeField({ nullable: true, description: '对方读到的时间（已读回执）' }) readAt: Date | null;
  @DateTimeField() createdAt: Date;
}

export class ThreadViewDto implements ThreadView {
  @uuid() id: string;
  @ApiProperty({ example: 'application' }) subjectKind: string;
  @uuid() subjectId: string;
  @ApiProperty() title: string;
  @EnumField(SIDES, 'ThreadSide') mySide: ThreadSide;
  @ApiProperty({ description: '求职者看到单位名称，招聘方看到求职者姓名' }) counterpartName: string;
  @ApiProperty() unread: number;
  @ApiProperty() blocked: boolean;
  @DateTimeField({ nullable: true }) lastMessageAt: Date | null;
  @Nullable(String) lastMessagePreview: string | null;
}

export class ThreadWithMessagesDto extends ThreadViewDto {
  @ApiProperty({ type: [MessageViewDto] }) messages: MessageViewDto[];
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class QuickReplyDto {
  @ApiProperty() code: string;
  @ApiProperty() text: string;
}

export class ReportCreatedDto {
  @uuid() id: string;
  @EnumField(REPORT_STATUSES, 'ReportStatus') status: ReportStatus;
}

export class ReportViewDto implements ReportView {
  @uuid() id: string;
  @uuid() threadId: string;
  @ApiProperty() threadTitle: string;
  @uuid() employerId: string;
  @ApiProperty() employerName: string;
  @EnumField(SIDES, 'ThreadSide') reporterSide: ThreadSide;
  @EnumField(REPORT_REASONS, 'ReportReason') reason: ReportReason;
  @Nullable(String) note: string | null;
  @EnumField(REPORT_STATUSES, 'ReportStatus') status: ReportStatus;
  @DateTimeField() createdAt: Date;
}

export class ReportedThreadDto {
  @uuid() threadId: string;
  @ApiProperty() title: string;
  @ApiProperty() seekerName: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ type: [MessageViewDto] }) messages: MessageViewDto[];
}

export class HeldMessageViewDto implements HeldMessageView {
  @uuid() id: string;
  @uuid() threadId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() body: string;
  @Nullable(String) heldReason: string | null;
  @DateTimeField() createdAt: Date;
}

export class ReportDecidedDto {
  @uuid() id: string;
  @EnumField(REPORT_STATUSES, 'ReportStatus') status: ReportStatus;
}

export class HeldMessageDecidedDto {
  @uuid() id: string;
  @EnumField(MESSAGE_STATUSES, 'MessageStatus') status: MessageStatus;
}

export class VacancyInboxCountsDto {
  @uuid() vacancyId: string;
  @ApiProperty() newApplicants: number;
  @ApiProperty() unreadMessages: number;
}

export class InboxCountsDto implements InboxCounts {
  @ApiProperty() newApplicants: number;
  @ApiProperty() unreadMessages: number;
  @ApiProperty() followUpsDue: number;
  @ApiProperty({ description: '标签栏上的角标' }) total: number;
  @ApiProperty({ type: [VacancyInboxCountsDto] }) vacancies: VacancyInboxCountsDto[];
}

export class NewApplicantDto implements UnopenedApplication {
  @uuid() applicationId: string;
  @uuid() vacancyId: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty() seekerName: string;
  @DateTimeField() appliedAt: Date;
}

export class InboxDto implements Inbox {
  @ApiProperty({ type: InboxCountsDto }) counts: InboxCountsDto;
  @ApiProperty({ type: [NewApplicantDto] }) newApplicants: NewApplicantDto[];
  @ApiProperty({ type: [ThreadViewDto] }) threads: ThreadViewDto[];
}

export class HotlineDto {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
}

export class ContactOptionsDto implements ContactOptions {
  @uuid() vacancyId: string;
  @ApiProperty() contactName: string;
  @EnumField(CONTACT_MODES, 'ContactMode') contactMode: ContactMode;
  @ApiProperty() contactModeName: string;
  @ApiProperty({ type: HotlineDto, description: '人社局服务热线，总是提供' }) hotline: HotlineDto;
}

export class RevealedContactDto implements RevealedContact {
  @ApiProperty() contactName: string;
  @ApiProperty() phone: string;
  @ApiProperty({ example: 'tel:13812345678' }) telUri: string;
}

export class JobAlertViewDto implements JobAlertView {
  @uuid() id: string;
  @Nullable(String) keyword: string | null;
  @Nullable(String) townshipCode: string | null;
  @Nullable(String) townshipName: string | null;
  @Nullable(Number) radiusKm: number | null;
  @Nullable(String) kind: string | null;
  @Nullable(Number) payMin: number | null;
  @ApiProperty() sms: boolean;
  @DateTimeField() createdAt: Date;
}

/** The alert the résumé suggests, for the seeker to confirm. */
export class JobAlertSuggestionDto implements JobAlertSuggestion {
  @Nullable(String) keyword: string | null;
  @Nullable(String) townshipCode: string | null;
  @Nullable(Number) radiusKm: number | null;
  @Nullable(String) kind: string | null;
  @Nullable(Number) payMin: number | null;
  @ApiProperty() sms: boolean;
}

export class UnsubscribedDto {
  @ApiProperty({ description: '停止的订阅数' }) stopped: number;
}
