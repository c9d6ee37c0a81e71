import { newWorkbook } from '@jipin/core';
import { SeekerView } from './seeker-view';

/** One line of the 求职者台账 as staff print or hand upwards: masked, no birth date. */
export const LEDGER_COLUMNS = [
  '序号',
  '姓名',
  '性别',
  '年龄',
  '身份证号（已脱敏）',
  '手机号（已脱敏）',
  '乡镇（街道）',
  '户籍',
  '重点群体',
  '就业状态',
  '登记日期',
  '登记方式',
] as const;

const GENDERS: Record<string, string> = { male: '男', female: '女' };
const HOUSEHOLDS: Record<string, string> = { rural: '农村', urban: '城镇' };
export const EMPLOYMENT_STATUS_NAMES: Record<string, string> = {
  unemployed: '失业',
  employed: '就业',
  flexible: '灵活就业',
  student: '在校学生',
};

/** China date of an instant, YYYY-MM-DD. */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

export function ledgerRow(
  seeker: SeekerView,
  index: number,
  townshipName: (code: string) => string,
): (string | number)[] {
  return [
    index + 1,
    seeker.name,
    GENDERS[seeker.gender] ?? seeker.gender,
    seeker.age,
    seeker.idNumber,
    seeker.phone,
    townshipName(seeker.townshipCode),
    HOUSEHOLDS[seeker.household] ?? seeker.household,
    seeker.keyGroups.map((g) => g.name).join('、'),
    EMPLOYMENT_STATUS_NAMES[seeker.employmentStatus] ?? seeker.employmentStatus,
    chinaDate(seeker.createdAt),
    seeker.assistedRegistration ? '窗口代录' : '本人注册',
  ];
}

/** The ledger as an .xlsx workbook with a title line saying what it holds. */
export async function ledgerWorkbook(title: string, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('求职者台账');
  sheet.addRow([title]);
  sheet.addRow([...LEDGER_COLUMNS]);
  sheet.getRow(2).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach(
    (column, i) => (column.width = [6, 10, 6, 6, 22, 15, 14, 8, 30, 10, 12, 10][i]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
