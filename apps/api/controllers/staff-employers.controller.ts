import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { EmployerReviewService, EmployerView } from '@jipin/employers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { EmployerDecisionDto, EmployerReasonDto, ListEmployersQuery } from '../dto/employer.dto';
import { uuidPipe } from '../http/uuid.pipe';

/** Bureau and township staff verify employers; window staff only those of their township. */
@ApiTags('staff')
@Controller('staff/employers')
@Access('staff', 'admin')
export class StaffEmployersController {
  constructor(private readonly review: EmployerReviewService) {}

  @Get()
  list(@CurrentUser() user: Principal, @Query() query: ListEmployersQuery) {
    return this.review.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.review.get(user, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerDecisionDto,
  ): Promise<EmployerView> {
    return this.review.decide(user, id, 'verify', body.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerReasonDto,
  ): Promise<EmployerView> {
    return this.review.decide(user, id, 'reject', body.reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  suspend(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerReasonDto,
  ): Promise<EmployerView> {
    return this.review.decide(user, id, 'suspend', body.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  reinstate(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: EmployerDecisionDto,
  ): Promise<EmployerView> {
    return this.review.decide(user, id, 'reinstate', body.reason);
  }
}
