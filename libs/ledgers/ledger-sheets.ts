import { withCreditCheckChar, withIdCheckDigit } from '@jipin/core';

/** Valid example identifiers, so the template's example row imports as it is. */
const EXAMPLE_ID = withIdCheckDigit('36082219900101123');
const EXAMPLE_CREDIT = withCreditCheckChar('91360822MA35AB12C');

/**
 * The bureau's ledgers (台账) an import takes, one worksheet each, named as
 * the bureau names them. "*" marks a required column; each column has a hint
 * and the example value of the template's example row.
 */
export const LEDGER_KINDS = [
  'people',
  'employers',
  'posts',
  'fairs',
  'booths',
  'attendees',
  'intents',
  'placements',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerColumn {
  key: string;
  header: string;
  required: boolean;
  hint: string;
  example: string | number;
}

export interface LedgerSheet {
  kind: LedgerKind;
  /** The worksheet's name in the workbook. */
  name: string;
  columns: LedgerColumn[];
}

const c = (
  key: string,
  header: string,
  required: boolean,
  hint: string,
  example: string | number,
): LedgerColumn => ({ key, header, required, hint, example });

export const LEDGER_SHEETS: LedgerSheet[] = [
  {
    kind: 'people',
    name: '人员台账',
    columns: [
      c(
        'idNumber',
        '身份证号',
        true,
        '18位居民身份证号；同一身份证号再次上传不会重复登记',
        EXAMPLE_ID,
      ),
      c('name', '姓名', true, '', '张三'),
      c('household', '户籍类型', true, '城镇 或 农村', '农村'),
      c('township', '乡镇（街道）', true, '乡镇名称或代码', '文峰镇'),
      c('registeredOn', '登记日期', true, '如：2025-03-01', '2025-03-01'),
      c('status', '登记时就业状态', true, '失业、就业、灵活就业、在校学生', '失业'),
      c('education', '最高学历', false, '小学、初中、高中、中专、大专、本科、硕士、博士', '大专'),
      c('graduatedOn', '毕业日期', false, '填写学历时必填，如：2024-06-30', '2024-06-30'),
      c('school', '毕业院校', false, '', '吉安职业技术学院'),
      c(
        'keyGroups',
        '重点群体',
        false,
        '经认定的：脱贫劳动力、监测对象、就业困难人员、零就业家庭、残疾人、退役军人、外出务工人员，用顿号分隔',
        '脱贫劳动力',
      ),
      c('phone', '手机号', false, '11位手机号，无手机可不填', ''),
    ],
  },
  {
    kind: 'employers',
    name: '单位台账',
    columns: [
      c(
        'creditCode',
        '统一社会信用代码',
        true,
        '18位；同一代码再次上传不会重复登记',
        EXAMPLE_CREDIT,
      ),
      c('name', '单位名称', true, '', '吉水县旭昇电子有限公司'),
      c('industry', '所属行业', true, '', '制造业'),
      c(
        'size',
        '单位规模',
        false,
        '20人以下、20-99人、100-299人、300-999人、1000人以上',
        '100-299人',
      ),
      c('township', '乡镇（街道）', true, '乡镇名称或代码', '文峰镇'),
      c('address', '地址', true, '', '城西工业园区1号'),
      c('contactName', '联系人', true, '', '李主管'),
      c('contactPhone', '联系电话', true, '11位手机号', '13800000000'),
      c('legalRepresentative', '法定代表人', false, '', '王五'),
      c('registeredOn', '登记日期', false, '如：2025-01-15；不填为导入当天', '2025-01-15'),
    ],
  },
  {
    kind: 'posts',
    name: '岗位台账',
    columns: [
      c(
        'creditCode',
        '单位信用代码',
        true,
        '发布岗位的单位，须在单位台账中或已在平台登记',
        EXAMPLE_CREDIT,
      ),
      c(
        'postNumber',
        '岗位编号',
        true,
        '单位内不重复；同一单位同一编号再次上传不会重复登记',
        'GW001',
      ),
      c('title', '岗位名称', true, '', '电子设备装配工'),
      c('occupation', '职业', true, '职业编码或名称', '电子设备装配工'),
      c('kind', '岗位类型', true, '全职、公益性岗位、见习岗位、零工', '全职'),
      c('headcount', '招聘人数', true, '正整数', 20),
      c('payMin', '最低薪资', true, '数字，单位：元', 3500),
      c('payMax', '最高薪资', true, '数字，单位：元', 5000),
      c('payUnit', '计薪单位', true, '月、天、小时、件', '月'),
      c('township', '工作乡镇', true, '乡镇名称或代码', '文峰镇'),
      c('address', '工作地点', false, '不填为单位地址', ''),
      c('publishedOn', '发布日期', true, '如：2025-02-10', '2025-02-10'),
      c('expiresOn', '截止日期', true, '如：2025-04-30', '2025-04-30'),
      c('keyGroups', '招用重点群体', false, '公益性岗位必填，如：脱贫劳动力、监测对象', ''),
      c('monthlySubsidy', '月补贴标准（元）', false, '公益性岗位必填：每人每月补贴', ''),
      c('contactName', '联系人', false, '不填为单位联系人', ''),
      c('contactPhone', '联系电话', false, '不填为单位联系电话', ''),
    ],
  },
  {
    kind: 'fairs',
    name: '招聘会台账',
    columns: [
      c('number', '招聘会编号', true, '台账中的编号；同一编号再次上传不会重复登记', 'ZPH-示例-01'),
      c('title', '招聘会名称', true, '', '2025年春风行动专场招聘会'),
      c('mode', '形式', true, '线上、线下、线上线下', '线下'),
      c('startsOn', '举办日期', true, '如：2025-02-15', '2025-02-15'),
      c('endsOn', '结束日期', false, '不填为举办当天', ''),
      c('venue', '举办地点', false, '线下必填', '县人力资源市场'),
      c('township', '乡镇（街道）', false, '线下必填', '文峰镇'),
      c('campaign', '专项活动', false, '如：春风行动、民营企业招聘月', '春风行动'),
      c('keyGroups', '面向重点群体', false, '专场招聘会面向的重点群体', ''),
    ],
  },
  {
    kind: 'booths',
    name: '参会单位台账',
    columns: [
      c('fairNumber', '招聘会编号', true, '', 'ZPH-示例-01'),
      c('creditCode', '单位信用代码', true, '', EXAMPLE_CREDIT),
      c('boothNumber', '展位号', false, '正整数', 1),
      c('postNumbers', '带来岗位编号', true, '该单位在岗位台账中的岗位编号，用顿号分隔', 'GW001'),
    ],
  },
  {
    kind: 'attendees',
    name: '参会人员台账',
    columns: [
      c('fairNumber', '招聘会编号', true, '', 'ZPH-示例-01'),
      c('idNumber', '身份证号', true, '须在人员台账中或已在平台登记', EXAMPLE_ID),
    ],
  },
  {
    kind: 'intents',
    name: '就业意向台账',
    columns: [
      c('idNumber', '身份证号', true, '', EXAMPLE_ID),
      c('creditCode', '单位信用代码', true, '', EXAMPLE_CREDIT),
      c('postNumber', '岗位编号', true, '', 'GW001'),
      c('agreedOn', '达成日期', true, '如：2025-02-15', '2025-02-15'),
      c('fairNumber', '招聘会编号', false, '在招聘会上达成的填写', 'ZPH-示例-01'),
    ],
  },
  {
    kind: 'placements',
    name: '实际就业台账',
    columns: [
      c('idNumber', '身份证号', true, '', EXAMPLE_ID),
      c('creditCode', '单位信用代码', true, '', EXAMPLE_CREDIT),
      c('postNumber', '岗位编号', true, '', 'GW001'),
      c('hiredOn', '入职日期', true, '如：2025-03-01', '2025-03-01'),
      c('leftOn', '离岗日期', false, '已离岗的填写', ''),
    ],
  },
];

export const SHEET_OF_KIND = new Map(LEDGER_SHEETS.map((s) => [s.kind, s]));

/** "身份证号*" / "身份证号（必填）" / " 身份证号 " all name the same column. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[*\s]/g, '')
    .replace(/\(.*?\)|（.*?）/g, '');
}
