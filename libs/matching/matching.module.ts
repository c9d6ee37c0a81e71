import { Module } from '@nestjs/common';
import { RegionsModule } from '@jipin/regions';
import { MatchingService } from './matching.service';
import { RecommendationService } from './recommendation.service';

/** Matching seekers and vacancies (worker) and reading the recommendations (API). */
@Module({
  imports: [RegionsModule],
  providers: [MatchingService, RecommendationService],
  exports: [MatchingService, RecommendationService],
})
export class MatchingModule {}
