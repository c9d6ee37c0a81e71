import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '@jipin/regions';
import { LedgerImportEntity } from './ledger-import.entity';
import { LedgerImportService } from './ledger-import.service';
import { LedgerTemplateService } from './ledger-template.service';

const services = [LedgerImportService, LedgerTemplateService];

@Module({
  imports: [TypeOrmModule.forFeature([LedgerImportEntity]), RegionsModule],
  providers: services,
  exports: services,
})
export class LedgersModule {}
