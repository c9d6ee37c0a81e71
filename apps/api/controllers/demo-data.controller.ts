import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { forbidden } from '@jipin/core';
import { DemoDataService, DemoDataSummary } from '@jipin/demo-data';
import { Access, CurrentUser } from '../auth/access.decorator';

/** Demo data (演示数据) marked in the database: staff see it and remove it. */
@ApiTags('demo-data')
@Controller('staff/demo-data')
export class DemoDataController {
  constructor(private readonly demo: DemoDataService) {}

  @Get()
  @Access('staff', 'admin')
  summary(): Promise<DemoDataSummary> {
    return this.demo.summary();
  }

  /** County-wide: a township window may not remove the county's data. */
  @Delete()
  @HttpCode(200)
  @Access('staff', 'admin')
  remove(@CurrentUser() user: Principal): Promise<DemoDataSummary> {
    if (user.role === 'staff' && user.townshipCode)
      throw forbidden('county_staff_only', '只有县人社局工作人员可以清除演示数据');
    return this.demo.remove();
  }
}
