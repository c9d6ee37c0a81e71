import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { MessageModerationService } from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../openapi/error-answers';
import { uuidPipe } from '../http/uuid.pipe';
import { HeldDecisionDto, ReportDecisionDto } from '../dto/message.dto';
import {
  HeldMessageDecidedDto,
  HeldMessageViewDto,
  ReportDecidedDto,
  ReportedThreadDto,
  ReportViewDto,
} from '../dto/message-response.dto';

/**
 * Staff handle reported threads and held messages; each read of people's
 * messages is a line in the personal-data access log (who, whose, why).
 */
@ApiTags('staff-messages')
@Controller('staff')
@Access('staff', 'admin')
export class StaffMessagesController {
  constructor(private readonly moderation: MessageModerationService) {}

  @Get('message-reports')
  @ApiOkResponse({ type: [ReportViewDto] })
  reports(): Promise<ReportViewDto[]> {
    return this.moderation.openReports();
  }

  @Get('message-reports/:id/thread')
  @ApiOkResponse({ type: ReportedThreadDto })
  @ApiErrors({ 400: ['purpose_required'] })
  thread(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Query('purpose') purpose?: string,
  ): Promise<ReportedThreadDto> {
    return this.moderation.readReported(user, id, purpose);
  }

  @Post('message-reports/:id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDecidedDto })
  @ApiErrors({ 409: ['report_decided', 'poster_not_employer'] })
  decide(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ReportDecisionDto,
  ): Promise<ReportDecidedDto> {
    return this.moderation.decide(user, id, body.decision, body.note);
  }

  @Get('held-messages')
  @ApiOkResponse({ type: [HeldMessageViewDto] })
  held(@CurrentUser() user: Principal): Promise<HeldMessageViewDto[]> {
    return this.moderation.held(user);
  }

  @Post('held-messages/:id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: HeldMessageDecidedDto })
  decideHeld(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: HeldDecisionDto,
  ): Promise<HeldMessageDecidedDto> {
    return this.moderation.decideHeld(user, id, body.decision);
  }
}
