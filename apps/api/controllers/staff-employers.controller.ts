import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { EmployerReviewService } from '@jipin/employers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { EmployerDecisionDto, EmployerReasonDto, ListEmployersQuery } from '../dto/employer.dto';
import { uuidPipe } from '../http/uuid.pipe';
import {
  EmployerPageDto,
  EmployerViewDto,
  ReviewedEmployerDto,
} from '../dto/employer-response.dto';
import { ApiErrors } from '../openapi/error-answers';

/** Bureau and township staff verify employers; window staff only those of their township. */
@ApiTags('staff')
@Controller('staff/employers')
@Access('staff', 'admin')
export class StaffEmployersController {
  constructor(private readonly review: EmployerReviewService) {}

  @Get()
  @ApiOkResponse({ type: EmployerPageDto })
  list(
    @CurrentUser() user: Principal,
    @Query() query: ListEmployersQuery,
  ): Promise<EmployerPageDto> {
    return this.review.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReviewedEmployerDto })
  get(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<ReviewedEmployerDto> {
    return this.review.get(user, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployerViewDto })
  @ApiErrors({ 409: ['employer_status_conflict'] })
  verify(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerDecisionDto,
  ): Promise<EmployerViewDto> {
    return this.review.decide(user, id, 'verify', body.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployerViewDto })
  @ApiErrors({ 409: ['employer_status_conflict'] })
  reject(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerReasonDto,
  ): Promise<EmployerViewDto> {
    return this.review.decide(user, id, 'reject', body.reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployerViewDto })
  @ApiErrors({ 409: ['employer_status_conflict'] })
  suspend(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerReasonDto,
  ): Promise<EmployerViewDto> {
    return this.review.decide(user, id, 'suspend', body.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployerViewDto })
  @ApiErrors({ 409: ['employer_status_conflict'] })
  reinstate(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerDecisionDto,
  ): Promise<EmployerViewDto> {
    return this.review.decide(user, id, 'reinstate', body.reason);
  }
}
