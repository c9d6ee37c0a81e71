import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@jipin/accounts';
import { EmployerEntity } from './entities/employer.entity';
import { EmployerHistoryEntity } from './entities/employer-history.entity';
import { EmployerMemberEntity } from './entities/employer-member.entity';
import { EmployerMembersService } from './employer-members.service';
import { EmployerReviewService } from './employer-review.service';
import { EmployerService } from './employer.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([EmployerEntity, EmployerMemberEntity, EmployerHistoryEntity]),
    AccountsModule,
  ],
  providers: [EmployerService, EmployerMembersService, EmployerReviewService],
  exports: [EmployerService, EmployerMembersService, EmployerReviewService],
})
export class EmployersModule {}
