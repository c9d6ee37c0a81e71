import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { RecruitmentInboxService } from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../openapi/error-answers';
import { InboxCountsDto, InboxDto } from '../dto/message-response.dto';

/** The recruiter's one list across all vacancies, and its badges. */
@ApiTags('employer-inbox')
@ApiErrors({ 403: ['employer_only'] })
@Controller('employer/inbox')
@Access('employer')
export class EmployerInboxController {
  constructor(private readonly inbox: RecruitmentInboxService) {}

  @Get()
  @ApiOkResponse({ type: InboxDto })
  list(@CurrentUser() user: Principal): Promise<InboxDto> {
    return this.inbox.inbox(user);
  }

  @Get('counts')
  @ApiOkResponse({ type: InboxCountsDto })
  counts(@CurrentUser() user: Principal): Promise<InboxCountsDto> {
    return this.inbox.counts(user);
  }
}
