import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { RecommendationService } from '@jipin/matching';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { SeekerRecommendationsDto, TalentRecommendationsDto } from '../dto/match-response.dto';

/** 为你推荐 (seekers) and 推荐人才 (verified employers), each with the reasons. */
@ApiTags('recommendations')
@Controller()
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationService) {}

  @Get('seekers/me/recommendations')
  @ApiOkResponse({ type: SeekerRecommendationsDto })
  @Access('seeker')
  forSeeker(@CurrentUser() user: Principal): Promise<SeekerRecommendationsDto> {
    return this.recommendations.forSeeker(user);
  }

  @Get('employer/vacancies/:id/recommended-seekers')
  @ApiOkResponse({ type: TalentRecommendationsDto })
  @Access('employer')
  forEmployer(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) vacancyId: string,
  ): Promise<TalentRecommendationsDto> {
    return this.recommendations.forEmployer(user, vacancyId);
  }
}
