import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { ApplicationService, FavouriteService } from '@jipin/applications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { ApplyDto } from '../dto/application.dto';
import { ApplicationViewDto, FavouriteDto } from '../dto/application-response.dto';
import { ApiErrors } from '../openapi/error-answers';

/** The seeker's applications and favourites. */
@ApiTags('applications')
@Controller()
@Access('seeker')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly favourites: FavouriteService,
  ) {}

  /** 201 for a new application; 200 with the existing one when the seeker applied before. */
  @Post('applications')
  @Idempotent()
  @ApiCreatedResponse({ type: ApplicationViewDto, description: '新的申请' })
  @ApiOkResponse({ type: ApplicationViewDto, description: '此前已申请过：原来的申请' })
  @ApiErrors({ 409: ['vacancy_not_open'], 422: ['profile_required', 'not_eligible'] })
  async apply(
    @CurrentUser() user: Principal,
    @Body() body: ApplyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationViewDto> {
    const { created, application } = await this.applications.apply(
      user,
      body.vacancyId,
      body.coverNote,
    );
    reply.status(created ? 201 : 200);
    return application;
  }

  @Get('applications')
  @ApiOkResponse({ type: [ApplicationViewDto] })
  list(@CurrentUser() user: Principal): Promise<ApplicationViewDto[]> {
    return this.applications.listOwn(user);
  }

  @Get('applications/:id')
  @ApiOkResponse({ type: ApplicationViewDto })
  get(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<ApplicationViewDto> {
    return this.applications.getOwn(user, id);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationViewDto })
  @ApiErrors({ 409: ['invalid_transition'] })
  withdraw(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<ApplicationViewDto> {
    return this.applications.withdraw(user, id);
  }

  @Get('favourites')
  @ApiOkResponse({ type: [FavouriteDto] })
  async listFavourites(@CurrentUser() user: Principal): Promise<FavouriteDto[]> {
    return (await this.favourites.list(user)) as unknown as FavouriteDto[];
  }

  @Put('favourites/:vacancyId')
  @ApiOkResponse({ type: [FavouriteDto] })
  async addFavourite(
    @CurrentUser() user: Principal,
    @Param('vacancyId', uuidPipe) vacancyId: string,
  ): Promise<FavouriteDto[]> {
    return (await this.favourites.add(user, vacancyId)) as unknown as FavouriteDto[];
  }

  @Delete('favourites/:vacancyId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已取消收藏' })
  async removeFavourite(
    @CurrentUser() user: Principal,
    @Param('vacancyId', uuidPipe) vacancyId: string,
  ): Promise<void> {
    await this.favourites.remove(user, vacancyId);
  }
}
