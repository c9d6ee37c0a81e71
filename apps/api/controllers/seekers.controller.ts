import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import {
  ApplicationService,
  EmployerApplicantsService,
  EmployerSeekerView,
  FavouriteService,
} from '@jipin/applications';
import {
  KeyGroupDeclarationService,
  PiiAccessService,
  SeekerPrivacyService,
  SeekerProfileService,
  SeekerView,
} from '@jipin/seekers';
import { ThreadService } from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import {
  AsOfQueryDto,
  DeclareKeyGroupDto,
  DeleteAccountDto,
  ProfileDto,
  RevealDto,
  UpdateProfileDto,
} from '../dto/seeker.dto';

@ApiTags('seekers')
@Controller('seekers')
export class SeekersController {
  constructor(
    private readonly profiles: SeekerProfileService,
    private readonly declarations: KeyGroupDeclarationService,
    private readonly pii: PiiAccessService,
    private readonly privacy: SeekerPrivacyService,
    private readonly applications: ApplicationService,
    private readonly favourites: FavouriteService,
    private readonly applicants: EmployerApplicantsService,
    private readonly threads: ThreadService,
  ) {}

  @Get('me')
  @Access('seeker')
  me(@CurrentUser() user: Principal, @Query() query: AsOfQueryDto): Promise<SeekerView> {
    return this.profiles.getOwn(user.userId, query.asOf);
  }

  @Post('me')
  @Access('seeker')
  create(@CurrentUser() user: Principal, @Body() body: ProfileDto): Promise<SeekerView> {
    return this.profiles.createOwn(user, body);
  }

  @Patch('me')
  @Access('seeker')
  update(@CurrentUser() user: Principal, @Body() body: UpdateProfileDto): Promise<SeekerView> {
    return this.profiles.updateOwn(user, body);
  }

  @Post('me/key-groups')
  @Access('seeker')
  declare(@CurrentUser() user: Principal, @Body() body: DeclareKeyGroupDto): Promise<SeekerView> {
    return this.declarations.declareOwn(user, body.code, body.note);
  }

  @Get('me/pii-access-log')
  @Access('seeker')
  accessLog(@CurrentUser() user: Principal) {
    return this.pii.listForSubject(user.userId);
  }

  @Get('me/export')
  @Access('seeker')
  async export(@CurrentUser() user: Principal): Promise<Record<string, unknown>> {
    return {
      ...(await this.privacy.export(user)),
      applications: await this.applications.listOwn(user),
      favourites: await this.favourites.list(user),
    };
  }

  /** A POST with a typed confirmation, so that no stray request deletes an account. */
  @Post('me/account-deletion')
  @HttpCode(204)
  @Access('seeker')
  async deleteAccount(
    @CurrentUser() user: Principal,
    @Body() _confirmation: DeleteAccountDto,
  ): Promise<void> {
    await this.applications.anonymiseFor(user.userId);
    await this.threads.forgetSeeker(user.userId);
    await this.privacy.deleteAccount(user);
  }

  /** Seekers see only themselves, staff their township, employers applicants and open résumés. */
  @Get(':id')
  @Access('seeker', 'employer', 'staff', 'admin')
  get(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Query() query: AsOfQueryDto,
  ): Promise<SeekerView | EmployerSeekerView> {
    if (user.role === 'employer') return this.applicants.profileForEmployer(user, id);
    return this.profiles.getForViewer(user, id, query.asOf);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @Access('staff', 'admin')
  reveal(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RevealDto,
  ) {
    return this.pii.revealForStaff(user, id, { ...body, route: 'POST /api/seekers/:id/reveal' });
  }
}
