import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  VacancyHistoryEntity,
  VacancyInput,
  VacancyManageView,
  VacancyService,
} from '@jipin/vacancies';
import { Access, CurrentUser } from '../auth/access.decorator';
import {
  CreateVacancyDto,
  OwnVacanciesQuery,
  UpdateVacancyDto,
  VacancyReasonDto,
} from '../dto/vacancy.dto';
import { uuidPipe } from '../http/uuid.pipe';

/** A recruiter's vacancies, of their own employer only (others' are "not found"). */
@ApiTags('employer-vacancies')
@Controller('employer/vacancies')
@Access('employer')
export class EmployerVacanciesController {
  constructor(private readonly vacancies: VacancyService) {}

  @Post()
  create(
    @CurrentUser() user: Principal,
    @Body() body: CreateVacancyDto,
  ): Promise<VacancyManageView> {
    const { submit, ...input } = body;
    return this.vacancies.create(user.userId, input as VacancyInput, submit ?? false);
  }

  @Get()
  list(@CurrentUser() user: Principal, @Query() query: OwnVacanciesQuery) {
    return this.vacancies.listOwn(user.userId, query);
  }

  @Get(':id')
  get(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<VacancyManageView> {
    return this.vacancies.getOwn(user.userId, id);
  }

  @Get(':id/history')
  history(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<VacancyHistoryEntity[]> {
    return this.vacancies.historyOwn(user.userId, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateVacancyDto,
  ): Promise<VacancyManageView> {
    const { version, ...changes } = body;
    return this.vacancies.update(user.userId, id, version, changes as Partial<VacancyInput>);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<VacancyManageView> {
    return this.vacancies.submit(user.userId, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageView> {
    return this.vacancies.move(user.userId, id, 'pause', body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageView> {
    return this.vacancies.move(user.userId, id, 'resume', body.reason);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageView> {
    return this.vacancies.move(user.userId, id, 'close', body.reason);
  }

  @Post(':id/fill')
  @HttpCode(200)
  fill(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageView> {
    return this.vacancies.move(user.userId, id, 'fill', body.reason);
  }
}
