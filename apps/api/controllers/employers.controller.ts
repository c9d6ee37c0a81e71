import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { EmployerMembersService, EmployerService } from '@jipin/employers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { InviteRecruiterDto, RegisterEmployerDto, UpdateEmployerDto } from '../dto/employer.dto';
import { uuidPipe } from '../http/uuid.pipe';
import { EmployerMemberDto, EmployerViewDto, MyEmployerDto } from '../dto/employer-response.dto';
import { ApiErrors } from '../openapi/error-answers';

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
  @ApiCreatedResponse({ type: EmployerViewDto })
  @ApiErrors({
    400: ['invalid_credit_code', 'not_employer_account'],
    409: ['duplicate_company', 'already_member'],
  })
  register(
    @CurrentUser() user: Principal,
    @Body() body: RegisterEmployerDto,
  ): Promise<EmployerViewDto> {
    return this.employers.register(user.userId, body);
  }

  @Get('mine')
  @ApiOkResponse({ type: MyEmployerDto })
  mine(@CurrentUser() user: Principal): Promise<MyEmployerDto> {
    return this.employers.mine(user.userId);
  }

  @Patch('mine')
  @ApiOkResponse({ type: MyEmployerDto })
  @ApiErrors({ 403: ['owner_only'], 409: ['employer_locked'] })
  update(@CurrentUser() user: Principal, @Body() body: UpdateEmployerDto): Promise<MyEmployerDto> {
    return this.employers.updateMine(user.userId, body);
  }

  @Get('mine/recruiters')
  @ApiOkResponse({ type: [EmployerMemberDto] })
  recruiters(@CurrentUser() user: Principal): Promise<EmployerMemberDto[]> {
    return this.members.list(user.userId);
  }

  @Post('mine/recruiters')
  @ApiCreatedResponse({ type: [EmployerMemberDto] })
  @ApiErrors({ 409: ['already_member'] })
  invite(
    @CurrentUser() user: Principal,
    @Body() body: InviteRecruiterDto,
  ): Promise<EmployerMemberDto[]> {
    return this.members.invite(user.userId, body.phone);
  }

  @Delete('mine/recruiters/:userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已移除' })
  @ApiErrors({ 403: ['owner_only'] })
  remove(
    @CurrentUser() user: Principal,
    @Param('userId', uuidPipe) memberId: string,
  ): Promise<void> {
    return this.members.remove(user.userId, memberId);
  }

  @Post('mine/leave')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已退出该单位' })
  @ApiErrors({ 400: ['owner_cannot_leave'] })
  leave(@CurrentUser() user: Principal): Promise<void> {
    return this.members.leave(user.userId);
  }
}
