import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@jipin/accounts';
import { NotificationsModule } from '@jipin/notifications';
import { PiiAccessLogEntity } from './entities/pii-access-log.entity';
import { SeekerKeyGroupEntity } from './entities/seeker-key-group.entity';
import { SeekerProfileEntity } from './entities/seeker-profile.entity';
import { KeyGroupDeclarationService } from './key-group-declaration.service';
import { PaperNoticeService } from './paper-notice.service';
import { PiiAccessService } from './pii-access.service';
import { SeekerPrivacyService } from './seeker-privacy.service';
import { SeekerLedgerService } from './seeker-ledger.service';
import { SeekerProfileService } from './seeker-profile.service';

const services = [
  SeekerProfileService,
  KeyGroupDeclarationService,
  PiiAccessService,
  SeekerPrivacyService,
  SeekerLedgerService,
  PaperNoticeService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([SeekerProfileEntity, SeekerKeyGroupEntity, PiiAccessLogEntity]),
    AccountsModule,
    NotificationsModule,
  ],
  providers: services,
  exports: services,
})
export class SeekersModule {}
