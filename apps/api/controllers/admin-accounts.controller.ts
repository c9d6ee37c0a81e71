import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccountService, AccountView } from '@jipin/accounts';
import { RegionsService } from '@jipin/regions';
import { Access } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { CreateStaffDto } from '../dto/auth.dto';

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
  createStaff(@Body() body: CreateStaffDto): Promise<AccountView> {
    if (body.townshipCode) this.regions.assertTownship(body.townshipCode);
    return this.accounts.createStaff({ ...body, townshipCode: body.townshipCode ?? null });
  }
}
