import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  ApplicationService,
  EmployerApplicantsService,
  FavouriteService,
} from '@jipin/applications';
import {
  KeyGroupDeclarationService,
  PiiAccessService,
  SeekerPrivacyService,
  SeekerProfileService,
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
import { FavouriteDto } from '../dto/application-response.dto';
import {
  EmployerResumeDto,
  PiiAccessLogDto,
  RevealedDto,
  SeekerViewDto,
} from '../dto/seeker-response.dto';
import { SeekerDataExportDto } from '../dto/seeker-export-response.dto';
import { ApiErrors } from '../openapi/error-answers';

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
  @ApiOkResponse({ type: SeekerViewDto })
  @Access('seeker')
  me(@CurrentUser() user: Principal, @Query() query: AsOfQueryDto): Promise<SeekerViewDto> {
    return this.profiles.getOwn(user.userId, query.asOf);
  }

  @Post('me')
  @ApiCreatedResponse({ type: SeekerViewDto })
  @ApiErrors({
    400: ['invalid_id_number', 'id_number_mismatch'],
    409: ['profile_exists', 'duplicate_id_number'],
  })
  @Access('seeker')
  create(@CurrentUser() user: Principal, @Body() body: ProfileDto): Promise<SeekerViewDto> {
    return this.profiles.createOwn(user, body);
  }

  @Patch('me')
  @ApiOkResponse({ type: SeekerViewDto })
  @Access('seeker')
  update(@CurrentUser() user: Principal, @Body() body: UpdateProfileDto): Promise<SeekerViewDto> {
    return this.profiles.updateOwn(user, body);
  }

  @Post('me/key-groups')
  @ApiCreatedResponse({ type: SeekerViewDto })
  @Access('seeker')
  declare(
    @CurrentUser() user: Principal,
    @Body() body: DeclareKeyGroupDto,
  ): Promise<SeekerViewDto> {
    return this.declarations.declareOwn(user, body.code, body.note);
  }

  @Get('me/pii-access-log')
  @Access('seeker')
  @ApiOkResponse({ type: [PiiAccessLogDto] })
  accessLog(@CurrentUser() user: Principal): Promise<PiiAccessLogDto[]> {
    return this.pii.listForSubject(user.userId);
  }

  @Get('me/export')
  @ApiOkResponse({ type: SeekerDataExportDto })
  @Access('seeker')
  async export(@CurrentUser() user: Principal): Promise<SeekerDataExportDto> {
    return {
      // The privacy service builds the export from several modules' rows, untyped.
      ...((await this.privacy.export(user)) as Omit<
        SeekerDataExportDto,
        'applications' | 'favourites'
      >),
      applications: await this.applications.listOwn(user),
      favourites: (await this.favourites.list(user)) as unknown as FavouriteDto[],
    };
  }

  /** A POST with a typed confirmation, so that no stray request deletes an account. */
  @Post('me/account-deletion')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '账号已删除（资料匿名化）' })
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
  @ApiExtraModels(SeekerViewDto, EmployerResumeDto)
  @ApiOkResponse({
    description: '工作人员和本人看到完整档案（脱敏）；用人单位看到简历和查看理由',
    schema: {
      oneOf: [{ $ref: getSchemaPath(SeekerViewDto) }, { $ref: getSchemaPath(EmployerResumeDto) }],
    },
  })
  @Access('seeker', 'employer', 'staff', 'admin')
  get(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Query() query: AsOfQueryDto,
  ): Promise<SeekerViewDto | EmployerResumeDto> {
    if (user.role === 'employer') return this.applicants.profileForEmployer(user, id);
    return this.profiles.getForViewer(user, id, query.asOf);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOkResponse({ type: RevealedDto })
  @Access('staff', 'admin')
  reveal(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RevealDto,
  ): Promise<RevealedDto> {
    return this.pii.revealForStaff(user, id, { ...body, route: 'POST /api/seekers/:id/reveal' });
  }
}
