import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '@jipin/employers';
import { VacancyEntity } from './entities/vacancy.entity';
import { VacancyHistoryEntity } from './entities/vacancy-history.entity';
import { PublicVacancyService } from './public-vacancy.service';
import { VacancyExpiryService } from './vacancy-expiry.service';
import { VacancyImportService } from './vacancy-import.service';
import { VacancyReviewService } from './vacancy-review.service';
import { VacancyContactService } from './vacancy-contact.service';
import { VacancyService } from './vacancy.service';
import { VacancyWorkflow } from './vacancy-workflow';

@Module({
  imports: [TypeOrmModule.forFeature([VacancyEntity, VacancyHistoryEntity]), EmployersModule],
  providers: [
    VacancyWorkflow,
    VacancyService,
    VacancyReviewService,
    PublicVacancyService,
    VacancyExpiryService,
    VacancyImportService,
    VacancyContactService,
  ],
  exports: [
    VacancyService,
    VacancyReviewService,
    PublicVacancyService,
    VacancyExpiryService,
    VacancyImportService,
    VacancyContactService,
  ],
})
export class VacanciesModule {}
