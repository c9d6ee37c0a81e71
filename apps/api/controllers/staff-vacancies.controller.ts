import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { VacancyReviewService } from '@jipin/vacancies';
import { Access, CurrentUser } from '../auth/access.decorator';
import { PageQuery } from '../dto/paging';
import { RequiredReasonDto, VacancyReasonDto } from '../dto/vacancy.dto';
import {
  ReviewedVacancyDto,
  ReviewQueuePageDto,
  VacancyManageViewDto,
} from '../dto/vacancy-response.dto';
import { uuidPipe } from '../http/uuid.pipe';
import { ApiErrors } from '../openapi/error-answers';

/** The review queue: ads held by a rule or from unverified employers, with the reasons. */
@ApiTags('staff')
@Controller('staff/vacancies')
@Access('staff', 'admin')
export class StaffVacanciesController {
  constructor(private readonly review: VacancyReviewService) {}

  @Get('review-queue')
  @ApiOkResponse({ type: ReviewQueuePageDto })
  queue(@CurrentUser() user: Principal, @Query() query: PageQuery): Promise<ReviewQueuePageDto> {
    return this.review.queue(user, query.page, query.pageSize);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReviewedVacancyDto })
  get(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<ReviewedVacancyDto> {
    return this.review.get(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['vacancy_status_conflict'] })
  approve(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageViewDto> {
    return this.review.approve(user, id, body.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: VacancyManageViewDto })
  @ApiErrors({ 409: ['vacancy_status_conflict'] })
  reject(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RequiredReasonDto,
  ): Promise<VacancyManageViewDto> {
    return this.review.reject(user, id, body.reason);
  }
}
