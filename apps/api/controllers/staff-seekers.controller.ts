import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import {
  KeyGroupDeclarationService,
  PiiAccessService,
  SeekerProfileService,
  SeekerView,
} from '@jipin/seekers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import {
  AssistedRegistrationDto,
  DeclareKeyGroupDto,
  PiiLogQueryDto,
  SeekerListQueryDto,
  SummaryQueryDto,
  UpdateProfileDto,
  VerifyKeyGroupDto,
} from '../dto/seeker.dto';

/** Window staff: 代录, their township's people, key-group verification and the PII audit log. */
@ApiTags('staff')
@Controller('staff')
export class StaffSeekersController {
  constructor(
    private readonly profiles: SeekerProfileService,
    private readonly declarations: KeyGroupDeclarationService,
    private readonly pii: PiiAccessService,
  ) {}

  @Post('seekers')
  @Access('staff', 'admin')
  register(
    @CurrentUser() user: Principal,
    @Body() body: AssistedRegistrationDto,
  ): Promise<SeekerView> {
    const { phone, consent, ...profile } = body;
    return this.profiles.registerAssisted(user, phone, profile, consent);
  }

  @Get('seekers')
  @Access('staff', 'admin')
  list(@CurrentUser() user: Principal, @Query() query: SeekerListQueryDto) {
    return this.profiles.list(user, query);
  }

  @Get('seekers/summary')
  @Access('staff', 'admin')
  summary(@CurrentUser() user: Principal, @Query() query: SummaryQueryDto) {
    return this.profiles.summary(user, query);
  }

  @Patch('seekers/:id')
  @Access('staff', 'admin')
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateProfileDto,
  ): Promise<SeekerView> {
    return this.profiles.updateByStaff(user, id, body);
  }

  @Post('seekers/:id/key-groups')
  @Access('staff', 'admin')
  declare(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: DeclareKeyGroupDto,
  ): Promise<SeekerView> {
    return this.declarations.declareByStaff(user, id, body.code, body.note);
  }

  @Post('seekers/:id/key-groups/verify')
  @Access('staff', 'admin')
  verify(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VerifyKeyGroupDto,
  ): Promise<SeekerView> {
    return this.declarations.verify(user, id, body.code, body.decision, body.note);
  }

  @Get('pii-access-log')
  @Access('staff', 'admin')
  accessLog(@CurrentUser() user: Principal, @Query() query: PiiLogQueryDto) {
    return this.pii.listForStaff(user, query);
  }
}
