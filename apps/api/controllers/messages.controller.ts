import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import {
  MessageModerationService,
  MessageService,
  MessageView,
  QUICK_REPLIES,
  ThreadService,
  ThreadView,
} from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import {
  AnswerInvitationDto,
  BlockDto,
  InvitationDto,
  MessageResponse,
  OpenThreadDto,
  QuickReplyResponse,
  ReportCreatedResponse,
  ReportDto,
  SendMessageDto,
  ThreadResponse,
  ThreadWithMessagesResponse,
  UnreadResponse,
} from '../dto/message.dto';

/** Seekers and recruiters talk about an application or an intent. */
@ApiTags('messages')
@ApiErrors(400, 401, 403, 404, 409, 429)
@Controller('messages')
@Access('seeker', 'employer')
export class MessagesController {
  constructor(
    private readonly threads: ThreadService,
    private readonly messages: MessageService,
    private readonly moderation: MessageModerationService,
  ) {}

  @Post('threads')
  @HttpCode(200)
  @ApiOkResponse({ type: ThreadResponse })
  open(@CurrentUser() user: Principal, @Body() body: OpenThreadDto): Promise<ThreadView> {
    return this.threads.open(user, body.subjectKind, body.subjectId);
  }

  @Get('threads')
  @ApiOkResponse({ type: [ThreadResponse] })
  list(@CurrentUser() user: Principal): Promise<ThreadView[]> {
    return this.threads.list(user);
  }

  /** Reading a thread marks the other side's messages read. */
  @Get('threads/:id')
  @ApiOkResponse({ type: ThreadWithMessagesResponse })
  read(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.threads.read(user, id);
  }

  @Post('threads/:id/messages')
  @ApiCreatedResponse({ type: MessageResponse })
  send(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: SendMessageDto,
  ): Promise<MessageView> {
    return this.messages.send(user, id, body);
  }

  @Post('threads/:id/invitations')
  @Access('employer')
  @ApiCreatedResponse({ type: MessageResponse })
  invite(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: InvitationDto,
  ): Promise<MessageView> {
    return this.messages.invite(user, id, body);
  }

  @Post('invitations/:id/answer')
  @Access('seeker')
  @ApiCreatedResponse({ type: MessageResponse })
  answer(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: AnswerInvitationDto,
  ): Promise<MessageView> {
    return this.messages.answer(user, id, body.answer);
  }

  @Post('threads/:id/block')
  @HttpCode(200)
  @Access('employer')
  @ApiOkResponse({ type: ThreadResponse })
  block(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: BlockDto,
  ): Promise<ThreadView> {
    return this.threads.setBlocked(user, id, body.blocked);
  }

  @Post('threads/:id/reports')
  @ApiCreatedResponse({ type: ReportCreatedResponse })
  report(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ReportDto,
  ) {
    return this.moderation.report(user, id, body);
  }

  /** The badge: one index-only query. */
  @Get('unread')
  @ApiOkResponse({ type: UnreadResponse })
  unread(@CurrentUser() user: Principal): Promise<{ unread: number }> {
    return this.threads.unread(user);
  }

  @Get('quick-replies')
  @ApiOkResponse({ type: [QuickReplyResponse] })
  quickReplies(): { code: string; text: string }[] {
    return Object.entries(QUICK_REPLIES).map(([code, text]) => ({ code, text }));
  }
}
