import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { VacancyInput, VacancyService } from '@jipin/vacancies';
import { Access, CurrentUser } from '../auth/access.decorator';
import {
  CreateVacancyDto,
  OwnVacanciesQuery,
  UpdateVacancyDto,
  VacancyReasonDto,
} from '../dto/vacancy.dto';
import {
  VacancyHistoryDto,
  VacancyManagePageDto,
  VacancyManageViewDto,
} from '../dto/vacancy-response.dto';
import { ApiErrors } from '../openapi/error-answers';
import { uuidPipe } from '../http/uuid.pipe';

/** A recruiter's vacancies, of their own employer only (others' are "not found"). */
@ApiTags('employer-vacancies')
@Controller('employer/vacancies')
@Access('employer')
export class EmployerVacanciesController {
  constructor(private readonly vacancies: VacancyService) {}

  @Post()
  @ApiCreatedResponse({ type: VacancyManageViewDto })
  create(
    @CurrentUser() user: Principal,
    @Body() body: CreateVacancyDto,
  ): Promise<VacancyManageViewDto> {
    const { submit, ...input } = body;
    return this.vacancies.create(user.userId, input as VacancyInput, submit ?? false);
  }

  @Get()
  @ApiOkResponse({ type: VacancyManagePageDto })
  list(
    @CurrentUser() user: Principal,
    @Query() query: OwnVacanciesQuery,
  ): Promise<VacancyManagePageDto> {
    return this.vacancies.listOwn(user.userId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: VacancyManageViewDto })
  get(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<VacancyManageViewDto> {
    return this.vacancies.getOwn(user.userId, id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [VacancyHistoryDto] })
  history(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<VacancyHistoryDto[]> {
    return this.vacancies.historyOwn(user.userId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['stale_version'] })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateVacancyDto,
  ): Promise<VacancyManageViewDto> {
    const { version, ...changes } = body;
    return this.vacancies.update(user.userId, id, version, changes as Partial<VacancyInput>);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['vacancy_status_conflict'] })
  submit(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<VacancyManageViewDto> {
    return this.vacancies.submit(user.userId, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['vacancy_status_conflict'] })
  pause(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageViewDto> {
    return this.vacancies.move(user.userId, id, 'pause', body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['vacancy_status_conflict'] })
  resume(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageViewDto> {
    return this.vacancies.move(user.userId, id, 'resume', body.reason);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['vacancy_status_conflict'] })
  close(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageViewDto> {
    return this.vacancies.move(user.userId, id, 'close', body.reason);
  }

  @Post(':id/fill')
  @HttpCode(200)
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['vacancy_status_conflict'] })
  fill(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageViewDto> {
    return this.vacancies.move(user.userId, id, 'fill', body.reason);
  }
}
