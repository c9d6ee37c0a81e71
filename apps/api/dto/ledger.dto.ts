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
