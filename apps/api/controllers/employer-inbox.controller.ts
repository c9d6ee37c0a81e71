import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import { RecruitmentInboxService } from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { InboxCountsResponse, InboxResponse } from '../dto/message.dto';

/** The recruiter's one list across all vacancies, and its badges. */
@ApiTags('employer-inbox')
@ApiErrors(401, 403)
@Controller('employer/inbox')
@Access('employer')
export class EmployerInboxController {
  constructor(private readonly inbox: RecruitmentInboxService) {}

  @Get()
  @ApiOkResponse({ type: InboxResponse })
  list(@CurrentUser() user: Principal) {
    return this.inbox.inbox(user);
  }

  @Get('counts')
  @ApiOkResponse({ type: InboxCountsResponse })
  counts(@CurrentUser() user: Principal) {
    return this.inbox.counts(user);
  }
}
