import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import { MessageModerationService } from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import {
  DecisionResponse,
  HeldDecisionDto,
  HeldMessageResponse,
  ReportDecisionDto,
  ReportedThreadResponse,
  ReportResponse,
} from '../dto/message.dto';

/** Staff handle reported threads (each read logged with its purpose) and held messages. */
@ApiTags('staff-messages')
@ApiErrors(400, 401, 403, 404, 409)
@Controller('staff')
@Access('staff', 'admin')
export class StaffMessagesController {
  constructor(private readonly moderation: MessageModerationService) {}

  @Get('message-reports')
  @ApiOkResponse({ type: [ReportResponse] })
  reports() {
    return this.moderation.openReports();
  }

  @Get('message-reports/:id/thread')
  @ApiOkResponse({ type: ReportedThreadResponse })
  thread(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Query('purpose') purpose?: string,
  ) {
    return this.moderation.readReported(user, id, purpose);
  }

  @Post('message-reports/:id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResponse })
  decide(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ReportDecisionDto,
  ) {
    return this.moderation.decide(user, id, body.decision, body.note);
  }

  @Get('held-messages')
  @ApiOkResponse({ type: [HeldMessageResponse] })
  held() {
    return this.moderation.held();
  }

  @Post('held-messages/:id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResponse })
  decideHeld(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: HeldDecisionDto,
  ) {
    return this.moderation.decideHeld(user, id, body.decision);
  }
}
