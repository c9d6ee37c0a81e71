import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { forbidden } from '@jipin/core';
import { DemoDataService } from '@jipin/demo-data';
import { Access, CurrentUser } from '../auth/access.decorator';
import { DemoDataSummaryDto } from '../dto/operations-response.dto';
import { ApiErrors } from '../openapi/error-answers';

/** Demo data (演示数据) marked in the database: staff see it and remove it. */
@ApiTags('demo-data')
@Controller('staff/demo-data')
export class DemoDataController {
  constructor(private readonly demo: DemoDataService) {}

  @Get()
  @ApiOkResponse({ type: DemoDataSummaryDto })
  @Access('staff', 'admin')
  summary(): Promise<DemoDataSummaryDto> {
    return this.demo.summary();
  }

  /** County-wide: a township window may not remove the county's data. */
  @Delete()
  @HttpCode(200)
  @ApiOkResponse({ type: DemoDataSummaryDto })
  @Access('staff', 'admin')
  @ApiErrors({ 403: ['county_staff_only'] })
  remove(@CurrentUser() user: Principal): Promise<DemoDataSummaryDto> {
    if (user.role === 'staff' && user.townshipCode)
      throw forbidden('county_staff_only', '只有县人社局工作人员可以清除演示数据');
    return this.demo.remove();
  }
}
