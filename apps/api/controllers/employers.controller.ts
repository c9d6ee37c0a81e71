import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  EmployerMembersService,
  EmployerMemberView,
  EmployerService,
  EmployerView,
} from '@jipin/employers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { InviteRecruiterDto, RegisterEmployerDto, UpdateEmployerDto } from '../dto/employer.dto';
import { uuidPipe } from '../http/uuid.pipe';

/** A recruiter's own company: registration, profile and fellow recruiters. */
@ApiTags('employers')
@Controller('employers')
@Access('employer')
export class EmployersController {
  constructor(
    private readonly employers: EmployerService,
    private readonly members: EmployerMembersService,
  ) {}

  @Post()
  register(
    @CurrentUser() user: Principal,
    @Body() body: RegisterEmployerDto,
  ): Promise<EmployerView> {
    return this.employers.register(user.userId, body);
  }

  @Get('mine')
  mine(@CurrentUser() user: Principal): Promise<EmployerView> {
    return this.employers.mine(user.userId);
  }

  @Patch('mine')
  update(@CurrentUser() user: Principal, @Body() body: UpdateEmployerDto): Promise<EmployerView> {
    return this.employers.updateMine(user.userId, body);
  }

  @Get('mine/recruiters')
  recruiters(@CurrentUser() user: Principal): Promise<EmployerMemberView[]> {
    return this.members.list(user.userId);
  }

  @Post('mine/recruiters')
  invite(
    @CurrentUser() user: Principal,
    @Body() body: InviteRecruiterDto,
  ): Promise<EmployerMemberView[]> {
    return this.members.invite(user.userId, body.phone);
  }

  @Delete('mine/recruiters/:userId')
  @HttpCode(204)
  remove(
    @CurrentUser() user: Principal,
    @Param('userId', uuidPipe) memberId: string,
  ): Promise<void> {
    return this.members.remove(user.userId, memberId);
  }

  @Post('mine/leave')
  @HttpCode(204)
  leave(@CurrentUser() user: Principal): Promise<void> {
    return this.members.leave(user.userId);
  }
}
