/** The columns of the import template, in order; "*" marks the required ones. */
export const IMPORT_COLUMNS = [
  { key: 'externalKey', header: '外部编号', hint: '选填；填写后以此识别重复上传' },
  { key: 'title', header: '岗位名称*', hint: '如：电子设备装配工' },
  { key: 'occupation', header: '职业*', hint: '职业编码或名称，见"职业列表"' },
  { key: 'kind', header: '岗位类型*', hint: '全职、公益性岗位、见习岗位、零工' },
  { key: 'headcount', header: '招聘人数*', hint: '整数' },
  { key: 'payMin', header: '最低薪资*', hint: '数字，单位：元' },
  { key: 'payMax', header: '最高薪资*', hint: '数字，单位：元' },
  { key: 'payUnit', header: '计薪单位*', hint: '月、天、小时、件' },
  {
    key: 'education',
    header: '学历要求',
    hint: '不限、初中、高中、中专/技校、大专、本科、硕士及以上',
  },
  { key: 'ageMin', header: '最低年龄', hint: '整数' },
  { key: 'ageMax', header: '最高年龄', hint: '整数' },
  { key: 'experienceYears', header: '工作经验（年）', hint: '整数，不限填0' },
  { key: 'welfareTags', header: '福利待遇', hint: '用顿号分隔，如：五险一金、包吃、包住' },
  { key: 'shiftPattern', header: '班次', hint: '长白班、两班倒、三班倒、夜班、弹性工作' },
  { key: 'township', header: '工作乡镇*', hint: '乡镇名称或代码，如：文峰镇' },
  { key: 'address', header: '工作地点*', hint: '详细地址' },
  { key: 'contactName', header: '联系人*', hint: '' },
  { key: 'contactPhone', header: '联系电话*', hint: '11位手机号' },
  { key: 'startDate', header: '开始日期*', hint: '如：2026-03-01' },
  { key: 'expiresAt', header: '截止日期*', hint: '如：2026-04-30' },
  { key: 'description', header: '岗位描述*', hint: '工作内容，至少5个有意义的字' },
  { key: 'requirements', header: '任职要求', hint: '' },
  { key: 'keyGroups', header: '招用重点群体', hint: '如：脱贫劳动力、监测对象；公益性岗位必填' },
  { key: 'graduatedWithinYears', header: '离校年限', hint: '见习岗位：离校几年内的毕业生，如2' },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** "岗位名称*" / "岗位名称（必填）" / " 岗位名称 " all name the same column. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[*\s]/g, '')
    .replace(/\(.*?\)/g, '')
    .replace(/（.*?）/g, '');
}

export const COLUMN_OF_HEADER = new Map<string, ImportColumnKey>(
  IMPORT_COLUMNS.map((c) => [normalizeHeader(c.header), c.key]),
);

/** The Chinese column name for a vacancy field, for error messages users can match to their file. */
export const HEADER_OF_FIELD: Record<string, string> = {
  title: '岗位名称',
  occupationCode: '职业',
  kind: '岗位类型',
  headcount: '招聘人数',
  pay: '薪资',
  education: '学历要求',
  ageMin: '最低年龄',
  ageMax: '最高年龄',
  experienceYears: '工作经验',
  welfareTags: '福利待遇',
  shiftPattern: '班次',
  townshipCode: '工作乡镇',
  address: '工作地点',
  contactName: '联系人',
  contactPhone: '联系电话',
  startDate: '开始日期',
  expiresAt: '截止日期',
  description: '岗位描述',
  requirements: '任职要求',
  targetKeyGroups: '招用重点群体',
  eligibility: '招用条件',
  'eligibility.keyGroups': '招用重点群体',
  'eligibility.ageMin': '最低年龄',
  'eligibility.ageMax': '最高年龄',
  'eligibility.graduatedWithinYears': '离校年限',
};
