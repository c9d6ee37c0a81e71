import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { ApplicationView } from '@jipin/applications';
import {
  FairFloorService,
  FairService,
  FairView,
  RegistrationService,
  TicketView,
} from '@jipin/fairs';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { FairApplyDto, FairListQueryDto } from '../dto/fair.dto';

/** Fairs as seekers and the public see them: browse, register for a ticket, apply at the fair. */
@ApiTags('fairs')
@Controller()
export class FairsController {
  constructor(
    private readonly fairs: FairService,
    private readonly registrations: RegistrationService,
    private readonly floor: FairFloorService,
  ) {}

  @Get('fairs')
  @Access('public')
  list(@Query() query: FairListQueryDto): Promise<FairView[]> {
    return this.fairs.list(query);
  }

  @Get('fairs/:id')
  @Access('public')
  get(@Param('id', uuidPipe) id: string): Promise<FairView> {
    return this.fairs.getPublic(id);
  }

  @Get('fairs/:id/vacancies')
  @Access('public')
  vacancies(@Param('id', uuidPipe) id: string) {
    return this.floor.vacancies(id);
  }

  /** 201 with a new ticket; 200 with the same ticket when already registered. */
  @Post('fairs/:id/registrations')
  @Access('seeker')
  @Idempotent()
  async register(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketView> {
    const { created, ticket } = await this.registrations.register(user, id);
    reply.status(created ? 201 : 200);
    return ticket;
  }

  @Get('fairs/:id/ticket')
  @Access('seeker')
  ticket(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<TicketView> {
    return this.registrations.ticket(user, id);
  }

  @Get('fair-registrations')
  @Access('seeker')
  mine(@CurrentUser() user: Principal) {
    return this.registrations.listOwn(user);
  }

  @Post('fairs/:id/applications')
  @Access('seeker')
  @Idempotent()
  async apply(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: FairApplyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    const { created, application } = await this.floor.apply(
      user,
      id,
      body.vacancyId,
      body.coverNote,
    );
    reply.status(created ? 201 : 200);
    return application;
  }
}
