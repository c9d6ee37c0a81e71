import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { BoothService, BoothView, FairFloorService } from '@jipin/fairs';
import { IntentView } from '@jipin/intents';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { BoothApplicationDto, BoothIntentDto, CancelBoothDto } from '../dto/fair.dto';

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
  async apply(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: BoothApplicationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BoothView> {
    const { created, booth } = await this.booths.apply(user, id, body.vacancyIds);
    reply.status(created ? 201 : 200);
    return booth;
  }

  @Get('booths')
  list(@CurrentUser() user: Principal): Promise<BoothView[]> {
    return this.booths.listOwn(user);
  }

  @Post('booths/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: CancelBoothDto,
  ): Promise<BoothView> {
    return this.booths.cancel(user, id, body.reason);
  }

  /** 201 for a new intent; 200 when this person and vacancy already have one. */
  @Post('booths/:id/intents')
  @Idempotent()
  async intent(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: BoothIntentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntentView> {
    const { created, intent } = await this.floor.boothIntent(user, id, body);
    reply.status(created ? 201 : 200);
    return intent;
  }
}
