import { Injectable } from '@nestjs/common';
import { KEY_GROUP_NAMES, newWorkbook } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { LEDGER_SHEETS, LedgerKind } from './ledger-sheets';

/**
 * The templates staff fill in: one worksheet per ledger with Chinese headers
 * ("*" = required), a hint on each header and one example row that imports as
 * it is, plus a sheet of instructions and allowed values.
 */
@Injectable()
export class LedgerTemplateService {
  constructor(private readonly regions: RegionsService) {}

  /** One ledger's template, or all of them in one workbook. */
  async template(kind: LedgerKind | 'all'): Promise<Buffer> {
    const workbook = await newWorkbook();
    const sheets = kind === 'all' ? LEDGER_SHEETS : LEDGER_SHEETS.filter((s) => s.kind === kind);
    const township = this.regions.allTownships()[0]?.name ?? '';
    for (const ledger of sheets) {
      const sheet = workbook.addWorksheet(ledger.name);
      sheet.columns = ledger.columns.map((c) => ({
        header: c.required ? `${c.header}*` : c.header,
        key: c.key,
        width: Math.max(12, c.header.length * 2 + 4),
      }));
      sheet.getRow(1).font = { bold: true };
      ledger.columns.forEach((c, i) => {
        sheet.getRow(1).getCell(i + 1).note = c.hint || c.header;
      });
      sheet.addRow(
        Object.fromEntries(
          ledger.columns.map((c) => [
            c.key,
            /township/.test(c.key) && c.example ? township : c.example,
          ]),
        ),
      );
    }
    const help = workbook.addWorksheet('填写说明');
    help.columns = [
      { header: '台账', width: 14 },
      { header: '列', width: 18 },
      { header: '说明', width: 70 },
    ];
    for (const ledger of sheets)
      for (const c of ledger.columns)
        help.addRow([ledger.name, c.required ? `${c.header}（必填）` : c.header, c.hint]);
    help.addRow([]);
    help.addRow(['', '重点群体可选', Object.values(KEY_GROUP_NAMES).join('、')]);
    help.addRow([
      '',
      '乡镇（街道）',
      this.regions
        .allTownships()
        .map((t) => t.name)
        .join('、'),
    ]);
    help.addRow([
      '',
      '重复上传',
      '同一文件再次上传不会重复登记：人员按身份证号、单位按统一社会信用代码、岗位按单位和岗位编号、招聘会按编号识别',
    ]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
