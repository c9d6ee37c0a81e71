import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AccountService } from '@jipin/accounts';
import { RegionsService } from '@jipin/regions';
import { Access } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { CreateStaffDto } from '../dto/auth.dto';
import { AccountViewDto } from '../dto/account-response.dto';
import { ApiErrors } from '../openapi/error-answers';

@ApiTags('admin')
@Controller('admin/staff')
export class AdminAccountsController {
  constructor(
    private readonly accounts: AccountService,
    private readonly regions: RegionsService,
  ) {}

  @Post()
  @Access('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: AccountViewDto })
  @ApiErrors({ 409: ['phone_taken'], 503: ['server_busy'] })
  createStaff(@Body() body: CreateStaffDto): Promise<AccountViewDto> {
    if (body.townshipCode) this.regions.assertTownship(body.townshipCode);
    return this.accounts.createStaff({ ...body, townshipCode: body.townshipCode ?? null });
  }
}
