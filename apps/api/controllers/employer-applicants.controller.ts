import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { EmployerApplicantsService } from '@jipin/applications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { InboxQueryDto, MoveApplicationDto } from '../dto/application.dto';
import { RevealDto } from '../dto/seeker.dto';

/** A recruiter's applicant inbox: contact details stay masked until revealed (and audited). */
@ApiTags('employer')
@Controller('employer')
@Access('employer')
export class EmployerApplicantsController {
  constructor(private readonly applicants: EmployerApplicantsService) {}

  @Get('vacancies/:id/applications')
  inbox(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Query() query: InboxQueryDto,
  ) {
    return this.applicants.inbox(user, id, query.status);
  }

  @Get('applications/:id')
  open(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.applicants.open(user, id);
  }

  @Post('applications/:id/status')
  @HttpCode(200)
  move(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: MoveApplicationDto,
  ) {
    return this.applicants.move(user, id, body.status, { note: body.note, hiredOn: body.hiredOn });
  }

  @Post('applications/:id/reveal')
  @HttpCode(200)
  reveal(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RevealDto,
  ) {
    return this.applicants.reveal(user, id, {
      ...body,
      route: 'POST /api/employer/applications/:id/reveal',
    });
  }
}
