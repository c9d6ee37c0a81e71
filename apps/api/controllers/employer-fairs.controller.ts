import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { BoothService, FairFloorService } from '@jipin/fairs';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { BoothApplicationDto, BoothIntentDto, CancelBoothDto } from '../dto/fair.dto';
import { BoothViewDto } from '../dto/fair-response.dto';
import { IntentViewDto } from '../dto/intent-response.dto';
import { ApiErrors } from '../openapi/error-answers';

/** An employer's booths, and intents recorded by its recruiters at a booth. */
@ApiTags('employer')
@Controller('employer')
@Access('employer')
export class EmployerFairsController {
  constructor(
    private readonly booths: BoothService,
    private readonly floor: FairFloorService,
  ) {}

  @Post('fairs/:id/booths')
  @Idempotent()
  @ApiCreatedResponse({ type: BoothViewDto, description: '新的展位申请' })
  @ApiOkResponse({ type: BoothViewDto, description: '同样的申请已提交过' })
  @ApiErrors({
    403: ['employer_not_verified'],
    409: ['fair_not_open', 'one_booth_per_employer'],
    422: ['vacancy_not_bringable'],
  })
  async apply(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: BoothApplicationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BoothViewDto> {
    const { created, booth } = await this.booths.apply(user, id, body.vacancyIds);
    reply.status(created ? 201 : 200);
    return booth;
  }

  @Get('booths')
  @ApiOkResponse({ type: [BoothViewDto] })
  list(@CurrentUser() user: Principal): Promise<BoothViewDto[]> {
    return this.booths.listOwn(user);
  }

  @Post('booths/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: BoothViewDto })
  @ApiErrors({ 409: ['invalid_transition'] })
  cancel(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: CancelBoothDto,
  ): Promise<BoothViewDto> {
    return this.booths.cancel(user, id, body.reason);
  }

  /** 201 for a new intent; 200 when this person and vacancy already have one. */
  @Post('booths/:id/intents')
  @Idempotent()
  @ApiCreatedResponse({ type: IntentViewDto, description: '新的就业意向' })
  @ApiOkResponse({ type: IntentViewDto, description: '此人与该岗位已有意向' })
  @ApiErrors({ 400: ['ticket_or_phone'], 409: ['booth_not_approved', 'fair_not_ongoing'] })
  async intent(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: BoothIntentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntentViewDto> {
    const { created, intent } = await this.floor.boothIntent(user, id, body);
    reply.status(created ? 201 : 200);
    return intent;
  }
}
