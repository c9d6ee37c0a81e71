import { ApiProperty } from '@nestjs/swagger';
import { type ImportMode, LedgerCounts, LedgerImportReport, LedgerRowError } from '@jipin/ledgers';

export class LedgerCountsDto implements LedgerCounts {
  @ApiProperty() people: number;
  @ApiProperty() employers: number;
  @ApiProperty() posts: number;
  @ApiProperty() fairs: number;
  @ApiProperty() booths: number;
  @ApiProperty() attendees: number;
  @ApiProperty() intents: number;
  @ApiProperty() placements: number;
}

export class LedgerRowErrorDto implements LedgerRowError {
  @ApiProperty({ example: '人员台账' }) sheet: string;
  @ApiProperty({ example: 12 }) line: number;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ example: '人员台账第12行：身份证号：身份证号校验位不正确，请核对是否输错' })
  message: string;
}

export class LedgerImportReportDto implements LedgerImportReport {
  @ApiProperty() importId: string;
  @ApiProperty({ enum: ['all_or_nothing', 'row_by_row'] }) mode: ImportMode;
  @ApiProperty({ type: LedgerCountsDto, description: '各台账读到的行数' }) rows: LedgerCountsDto;
  @ApiProperty({ type: LedgerCountsDto, description: '新登记的记录数' }) created: LedgerCountsDto;
  @ApiProperty({ type: LedgerCountsDto, description: '平台上已有（之前导入或已登记）的记录数' })
  existing: LedgerCountsDto;
  @ApiProperty({ type: [LedgerRowErrorDto] }) errors: LedgerRowErrorDto[];
  @ApiProperty() durationMs: number;
}

export class LedgerImportHistoryDto {
  @ApiProperty() id: string;
  @ApiProperty() actorUserId: string;
  @ApiProperty() actorRole: string;
  @ApiProperty() fileName: string;
  @ApiProperty() fileSha256: string;
  @ApiProperty() mode: string;
  @ApiProperty({ enum: ['imported', 'refused'] }) outcome: string;
  @ApiProperty({ type: LedgerCountsDto }) created: LedgerCountsDto;
  @ApiProperty({ type: LedgerCountsDto }) existing: LedgerCountsDto;
  @ApiProperty() errorCount: number;
  @ApiProperty() durationMs: number;
  @ApiProperty() createdAt: Date;
}
