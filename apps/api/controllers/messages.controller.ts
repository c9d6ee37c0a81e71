import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  MessageModerationService,
  MessageService,
  QUICK_REPLIES,
  ThreadService,
} from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../openapi/error-answers';
import { uuidPipe } from '../http/uuid.pipe';
import {
  AnswerInvitationDto,
  BlockDto,
  InvitationDto,
  OpenThreadDto,
  ReportDto,
  SendMessageDto,
} from '../dto/message.dto';
import {
  MessageViewDto,
  QuickReplyDto,
  ReportCreatedDto,
  ThreadViewDto,
  ThreadWithMessagesDto,
  UnreadCountDto,
} from '../dto/message-response.dto';

/** Who may not send: not a party, blocked, or the employer suspended. */
const MAY_NOT_SEND = ['not_participant', 'blocked', 'employer_suspended'];

/**
 * Seekers and recruiters talk about an application or an intent; gig workers
 * and the gig's poster (a recruiter, a person, or township staff) about a gig.
 */
@ApiTags('messages')
@Controller('messages')
@Access('seeker', 'employer', 'staff', 'admin')
export class MessagesController {
  constructor(
    private readonly threads: ThreadService,
    private readonly messages: MessageService,
    private readonly moderation: MessageModerationService,
  ) {}

  @Post('threads')
  @HttpCode(200)
  @ApiOkResponse({ type: ThreadViewDto })
  @ApiErrors({ 400: ['unknown_subject'], 403: ['not_participant'], 404: [] })
  open(@CurrentUser() user: Principal, @Body() body: OpenThreadDto): Promise<ThreadViewDto> {
    return this.threads.open(user, body.subjectKind, body.subjectId);
  }

  @Get('threads')
  @ApiOkResponse({ type: [ThreadViewDto] })
  @ApiErrors({ 403: ['not_participant'] })
  list(@CurrentUser() user: Principal): Promise<ThreadViewDto[]> {
    return this.threads.list(user);
  }

  /** Reading a thread marks the other side's messages read. */
  @Get('threads/:id')
  @ApiOkResponse({ type: ThreadWithMessagesDto })
  @ApiErrors({ 403: ['not_participant'] })
  read(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<ThreadWithMessagesDto> {
    return this.threads.read(user, id);
  }

  @Post('threads/:id/messages')
  @ApiCreatedResponse({ type: MessageViewDto })
  @ApiErrors({
    400: ['message_empty', 'message_too_long', 'unknown_quick_reply'],
    403: MAY_NOT_SEND,
    409: ['client_key_reused'],
    429: [],
  })
  send(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: SendMessageDto,
  ): Promise<MessageViewDto> {
    return this.messages.send(user, id, body);
  }

  @Post('threads/:id/invitations')
  @Access('employer')
  @ApiCreatedResponse({ type: MessageViewDto })
  @ApiErrors({
    400: ['invalid_invitation'],
    403: [...MAY_NOT_SEND, 'employer_only'],
    409: ['client_key_reused'],
    429: [],
  })
  invite(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: InvitationDto,
  ): Promise<MessageViewDto> {
    return this.messages.invite(user, id, body);
  }

  @Post('invitations/:id/answer')
  @Access('seeker')
  @ApiCreatedResponse({ type: MessageViewDto })
  @ApiErrors({ 403: [...MAY_NOT_SEND, 'seeker_only'], 409: ['invitation_answered'], 429: [] })
  answer(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: AnswerInvitationDto,
  ): Promise<MessageViewDto> {
    return this.messages.answer(user, id, body.answer);
  }

  @Post('threads/:id/block')
  @HttpCode(200)
  @Access('employer')
  @ApiOkResponse({ type: ThreadViewDto })
  @ApiErrors({ 403: ['not_participant', 'employer_only'] })
  block(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: BlockDto,
  ): Promise<ThreadViewDto> {
    return this.threads.setBlocked(user, id, body.blocked);
  }

  @Post('threads/:id/reports')
  @ApiCreatedResponse({ type: ReportCreatedDto })
  @ApiErrors({
    400: ['invalid_reason', 'note_too_long', 'note_required'],
    403: ['not_participant'],
  })
  report(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ReportDto,
  ): Promise<ReportCreatedDto> {
    return this.moderation.report(user, id, body);
  }

  /** The badge: one index-only query. */
  @Get('unread')
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiErrors({ 403: ['not_participant'] })
  unread(@CurrentUser() user: Principal): Promise<UnreadCountDto> {
    return this.threads.unread(user);
  }

  @Get('quick-replies')
  @ApiOkResponse({ type: [QuickReplyDto] })
  quickReplies(): QuickReplyDto[] {
    return Object.entries(QUICK_REPLIES).map(([code, text]) => ({ code, text }));
  }
}
