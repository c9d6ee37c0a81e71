import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LEDGER_KINDS, LedgerKind } from '@jipin/ledgers';

export class LedgerImportModeQuery {
  @ApiPropertyOptional({
    enum: ['all_or_nothing', 'row_by_row'],
    default: 'all_or_nothing',
    description:
      'all_or_nothing（默认）：有任何错误行则全部不导入；row_by_row：导入正确的行，列出错误行',
  })
  @IsOptional()
  @IsIn(['all_or_nothing', 'row_by_row'], {
    message: '!请选择导入方式：all_or_nothing（全部正确才导入）或 row_by_row（逐行导入）',
  })
  mode?: 'all_or_nothing' | 'row_by_row';
}

export class LedgerTemplateParams {
  @ApiProperty({ enum: [...LEDGER_KINDS, 'all'], description: '台账种类；all 为全部台账的工作簿' })
  @IsIn([...LEDGER_KINDS, 'all'], {
    message: `!台账种类应为 ${[...LEDGER_KINDS, 'all'].join('、')} 之一`,
  })
  kind: LedgerKind | 'all';
}

class LedgerCountsDto {
  @ApiProperty() people: number;
  @ApiProperty() employers: number;
  @ApiProperty() posts: number;
  @ApiProperty() fairs: number;
  @ApiProperty() booths: number;
  @ApiProperty() attendees: number;
  @ApiProperty() intents: number;
  @ApiProperty() placements: number;
}

export class LedgerRowErrorDto {
  @ApiProperty({ example: '人员台账' }) sheet: string;
  @ApiProperty({ example: 12 }) line: number;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ example: '人员台账第12行：身份证号：身份证号校验位不正确，请核对是否输错' })
  message: string;
}

export class LedgerImportReportDto {
  @ApiProperty() importId: string;
  @ApiProperty({ enum: ['all_or_nothing', 'row_by_row'] }) mode: string;
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

export class ErrorBodyDto {
  @ApiProperty({ example: 'import_has_errors' }) code: string;
  @ApiProperty({ example: '台账中有 3 行有误，未导入任何数据；请按提示修改后重新上传' })
  message: string;
  @ApiPropertyOptional({ type: [LedgerRowErrorDto] }) details?: LedgerRowErrorDto[];
}
