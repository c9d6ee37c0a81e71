import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { ApplicationService, ApplicationView, FavouriteService } from '@jipin/applications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { ApplyDto } from '../dto/application.dto';

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
  async apply(
    @CurrentUser() user: Principal,
    @Body() body: ApplyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    const { created, application } = await this.applications.apply(
      user,
      body.vacancyId,
      body.coverNote,
    );
    reply.status(created ? 201 : 200);
    return application;
  }

  @Get('applications')
  list(@CurrentUser() user: Principal): Promise<ApplicationView[]> {
    return this.applications.listOwn(user);
  }

  @Get('applications/:id')
  get(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.applications.getOwn(user, id);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<ApplicationView> {
    return this.applications.withdraw(user, id);
  }

  @Get('favourites')
  listFavourites(@CurrentUser() user: Principal) {
    return this.favourites.list(user);
  }

  @Put('favourites/:vacancyId')
  addFavourite(@CurrentUser() user: Principal, @Param('vacancyId', uuidPipe) vacancyId: string) {
    return this.favourites.add(user, vacancyId);
  }

  @Delete('favourites/:vacancyId')
  @HttpCode(204)
  async removeFavourite(
    @CurrentUser() user: Principal,
    @Param('vacancyId', uuidPipe) vacancyId: string,
  ): Promise<void> {
    await this.favourites.remove(user, vacancyId);
  }
}
