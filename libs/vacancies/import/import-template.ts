import { newWorkbook } from '@jipin/core';
import { OCCUPATIONS } from '../occupation-catalog';
import { KEY_GROUPS, WELFARE_TAGS } from '../vacancy-options';
import { IMPORT_COLUMNS } from './import-columns';

/** The .xlsx a fair organiser hands to employers: Chinese headers, one example row, and the allowed values. */
export async function buildImportTemplate(
  townships: { code: string; name: string }[],
): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('岗位');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 16 }));
  sheet.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = c.hint || c.header;
  });
  sheet.addRow({
    externalKey: 'A001',
    title: '电子设备装配工',
    occupation: '电子设备装配工',
    kind: '全职',
    headcount: 20,
    payMin: 4000,
    payMax: 6500,
    payUnit: '月',
    education: '初中',
    ageMin: 18,
    ageMax: 50,
    experienceYears: 0,
    welfareTags: '五险一金、包吃、包住',
    shiftPattern: '两班倒',
    township: townships[0]?.name ?? '',
    address: '工业园区1号',
    contactName: '李主管',
    contactPhone: '13800000000',
    startDate: '2026-03-01',
    expiresAt: '2026-04-30',
    description: '负责手机主板插件、焊接和装配，有师傅带教',
    requirements: '身体健康，能适应两班倒',
    keyGroups: '',
    graduatedWithinYears: '',
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 16 },
    { header: '说明', width: 60 },
  ];
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, c.hint]);
  help.addRow([]);
  help.addRow(['福利待遇可选', WELFARE_TAGS.join('、')]);
  help.addRow(['重点群体可选', Object.values(KEY_GROUPS).join('、')]);
  help.addRow(['乡镇（街道）', townships.map((t) => t.name).join('、')]);
  const jobs = workbook.addWorksheet('职业列表');
  jobs.columns = [
    { header: '职业编码', width: 14 },
    { header: '职业名称', width: 24 },
    { header: '常用叫法', width: 30 },
  ];
  for (const o of OCCUPATIONS.occupations) jobs.addRow([o.code, o.name, o.aliases.join('、')]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
