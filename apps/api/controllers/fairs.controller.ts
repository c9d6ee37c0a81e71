import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { FairFloorService, FairService, RegistrationService } from '@jipin/fairs';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { FairApplyDto, FairListQueryDto } from '../dto/fair.dto';
import { ApplicationViewDto } from '../dto/application-response.dto';
import {
  FairRegistrationDto,
  FairVacancyDto,
  FairViewDto,
  TicketViewDto,
} from '../dto/fair-response.dto';
import { ApiErrors } from '../openapi/error-answers';

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
  @ApiOkResponse({ type: [FairViewDto] })
  list(@Query() query: FairListQueryDto): Promise<FairViewDto[]> {
    return this.fairs.list(query);
  }

  @Get('fairs/:id')
  @Access('public')
  @ApiOkResponse({ type: FairViewDto })
  get(@Param('id', uuidPipe) id: string): Promise<FairViewDto> {
    return this.fairs.getPublic(id);
  }

  @Get('fairs/:id/vacancies')
  @Access('public')
  @ApiOkResponse({ type: [FairVacancyDto] })
  async vacancies(@Param('id', uuidPipe) id: string): Promise<FairVacancyDto[]> {
    return (await this.floor.vacancies(id)) as unknown as FairVacancyDto[];
  }

  /** 201 with a new ticket; 200 with the same ticket when already registered. */
  @Post('fairs/:id/registrations')
  @Access('seeker')
  @Idempotent()
  @ApiCreatedResponse({ type: TicketViewDto, description: '新的入场券' })
  @ApiOkResponse({ type: TicketViewDto, description: '已报名：同一张入场券' })
  @ApiErrors({ 409: ['fair_not_open', 'fair_over', 'online_fair'] })
  async register(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketViewDto> {
    const { created, ticket } = await this.registrations.register(user, id);
    reply.status(created ? 201 : 200);
    return ticket;
  }

  @Get('fairs/:id/ticket')
  @Access('seeker')
  @ApiOkResponse({ type: TicketViewDto })
  ticket(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<TicketViewDto> {
    return this.registrations.ticket(user, id);
  }

  @Get('fair-registrations')
  @Access('seeker')
  @ApiOkResponse({ type: [FairRegistrationDto] })
  async mine(@CurrentUser() user: Principal): Promise<FairRegistrationDto[]> {
    return (await this.registrations.listOwn(user)) as unknown as FairRegistrationDto[];
  }

  @Post('fairs/:id/applications')
  @Access('seeker')
  @Idempotent()
  @ApiCreatedResponse({ type: ApplicationViewDto, description: '新的申请' })
  @ApiOkResponse({ type: ApplicationViewDto, description: '此前已申请过：原来的申请' })
  @ApiErrors({
    409: ['vacancy_not_open', 'fair_not_ongoing'],
    422: ['profile_required', 'not_eligible'],
  })
  async apply(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: FairApplyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationViewDto> {
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
