import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  RecommendationService,
  SeekerRecommendations,
  TalentRecommendations,
} from '@jipin/matching';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/** 为你推荐 (seekers) and 推荐人才 (verified employers), each with the reasons. */
@ApiTags('recommendations')
@Controller()
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationService) {}

  @Get('seekers/me/recommendations')
  @Access('seeker')
  forSeeker(@CurrentUser() user: Principal): Promise<SeekerRecommendations> {
    return this.recommendations.forSeeker(user);
  }

  @Get('employer/vacancies/:id/recommended-seekers')
  @Access('employer')
  forEmployer(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) vacancyId: string,
  ): Promise<TalentRecommendations> {
    return this.recommendations.forEmployer(user, vacancyId);
  }
}
