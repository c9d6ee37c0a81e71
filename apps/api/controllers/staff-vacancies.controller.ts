import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { VacancyManageView, VacancyReviewService } from '@jipin/vacancies';
import { Access, CurrentUser } from '../auth/access.decorator';
import { PageQuery } from '../dto/paging';
import { RequiredReasonDto, VacancyReasonDto } from '../dto/vacancy.dto';
import { uuidPipe } from '../http/uuid.pipe';

/** The review queue: ads held by a rule or from unverified employers, with the reasons. */
@ApiTags('staff')
@Controller('staff/vacancies')
@Access('staff', 'admin')
export class StaffVacanciesController {
  constructor(private readonly review: VacancyReviewService) {}

  @Get('review-queue')
  queue(@CurrentUser() user: Principal, @Query() query: PageQuery) {
    return this.review.queue(user, query.page, query.pageSize);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.review.get(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VacancyReasonDto,
  ): Promise<VacancyManageView> {
    return this.review.approve(user, id, body.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RequiredReasonDto,
  ): Promise<VacancyManageView> {
    return this.review.reject(user, id, body.reason);
  }
}
