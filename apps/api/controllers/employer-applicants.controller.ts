import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { EmployerApplicantsService } from '@jipin/applications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { InboxQueryDto, MoveApplicationDto } from '../dto/application.dto';
import { RevealDto } from '../dto/seeker.dto';
import { ApplicantDto, ApplicantInboxDto } from '../dto/application-response.dto';
import { RevealedDto } from '../dto/seeker-response.dto';
import { ApiErrors } from '../openapi/error-answers';

/** A recruiter's applicant inbox: contact details stay masked until revealed (and audited). */
@ApiTags('employer')
@Controller('employer')
@Access('employer')
export class EmployerApplicantsController {
  constructor(private readonly applicants: EmployerApplicantsService) {}

  @Get('vacancies/:id/applications')
  @ApiOkResponse({ type: ApplicantInboxDto })
  inbox(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Query() query: InboxQueryDto,
  ): Promise<ApplicantInboxDto> {
    return this.applicants.inbox(user, id, query.status);
  }

  @Get('applications/:id')
  @ApiOkResponse({ type: ApplicantDto, description: '第一次打开时申请改为“已查看”' })
  open(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<ApplicantDto> {
    return this.applicants.open(user, id);
  }

  @Post('applications/:id/status')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicantDto })
  @ApiErrors({
    400: ['hired_on_before_application', 'hired_on_not_hire'],
    409: ['invalid_transition'],
  })
  move(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: MoveApplicationDto,
  ): Promise<ApplicantDto> {
    return this.applicants.move(user, id, body.status, { note: body.note, hiredOn: body.hiredOn });
  }

  @Post('applications/:id/reveal')
  @HttpCode(200)
  @ApiOkResponse({ type: RevealedDto })
  @ApiErrors({ 404: ['pii_not_available'] })
  reveal(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RevealDto,
  ): Promise<RevealedDto> {
    return this.applicants.reveal(user, id, {
      ...body,
      route: 'POST /api/employer/applications/:id/reveal',
    });
  }
}
