import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { FollowUpService, IntentService } from '@jipin/intents';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { FollowUpQueryDto, IntentOutcomeDto, StaffIntentDto } from '../dto/intent.dto';
import { IntentViewDto } from '../dto/intent-response.dto';
import { ApiErrors } from '../openapi/error-answers';

/** Placement intents: staff record them; staff and employers follow them up to a hire. */
@ApiTags('intents')
@Controller()
export class IntentsController {
  constructor(
    private readonly intents: IntentService,
    private readonly followUps: FollowUpService,
  ) {}

  /** 201 for a new intent; 200 with the existing one when the seeker and vacancy already have one. */
  @Post('staff/intents')
  @Access('staff', 'admin')
  @Idempotent()
  @ApiCreatedResponse({ type: IntentViewDto, description: '新的就业意向' })
  @ApiOkResponse({ type: IntentViewDto, description: '此人与该岗位已有意向' })
  async record(
    @CurrentUser() user: Principal,
    @Body() body: StaffIntentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntentViewDto> {
    const { created, intent } = await this.intents.recordByStaff(user, body);
    reply.status(created ? 201 : 200);
    return intent;
  }

  @Get('staff/intents/follow-ups')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [IntentViewDto] })
  staffFollowUps(
    @CurrentUser() user: Principal,
    @Query() query: FollowUpQueryDto,
  ): Promise<IntentViewDto[]> {
    return this.followUps.list(user, {
      townshipCode: query.townshipCode,
      includeNotDue: query.all,
    });
  }

  @Post('staff/intents/:id/outcome')
  @Access('staff', 'admin')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: IntentViewDto })
  @ApiErrors({ 400: ['hired_on_future'], 409: ['intent_settled'] })
  staffOutcome(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: IntentOutcomeDto,
  ): Promise<IntentViewDto> {
    return this.followUps.confirm(user, id, body);
  }

  @Get('employer/intents/follow-ups')
  @Access('employer')
  @ApiOkResponse({ type: [IntentViewDto] })
  employerFollowUps(
    @CurrentUser() user: Principal,
    @Query() query: FollowUpQueryDto,
  ): Promise<IntentViewDto[]> {
    return this.followUps.list(user, { includeNotDue: query.all });
  }

  @Post('employer/intents/:id/outcome')
  @Access('employer')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: IntentViewDto })
  @ApiErrors({ 400: ['hired_on_future'], 409: ['intent_settled'] })
  employerOutcome(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: IntentOutcomeDto,
  ): Promise<IntentViewDto> {
    return this.followUps.confirm(user, id, body);
  }
}
