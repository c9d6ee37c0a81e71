import { checkCreditCode, isMobilePhone, parseResidentId } from '@jipin/core';
import { EmployerSize } from '@jipin/employers';
import { FairMode } from '@jipin/fairs';
import { EducationEntry, EducationLevel, EmploymentStatus, Household } from '@jipin/seekers';
import { findOccupation, PayUnit, VacancyKind } from '@jipin/vacancies';
import { DeclaredKeyGroup } from '@jipin/core';
import { CellReader } from './ledger-cells';
import { LedgerKind } from './ledger-sheets';

/** One row of a ledger sheet as read from the file. */
export interface LedgerLine {
  kind: LedgerKind;
  line: number;
  cells: Record<string, string>;
}

/** What every row check may look up without the database. */
export interface RowContext {
  today: string;
  townshipCode(nameOrCode: string): string | undefined;
}

const HOUSEHOLDS: Record<string, Household> = {
  城镇: 'urban',
  农村: 'rural',
  非农业: 'urban',
  农业: 'rural',
};
const STATUSES: Record<string, EmploymentStatus> = {
  失业: 'unemployed',
  未就业: 'unemployed',
  就业: 'employed',
  已就业: 'employed',
  灵活就业: 'flexible',
  在校学生: 'student',
  学生: 'student',
};
const EDUCATION: Record<string, EducationLevel> = {
  小学: 'primary',
  初中: 'junior_high',
  高中: 'senior_high',
  中专: 'secondary_vocational',
  技校: 'secondary_vocational',
  大专: 'junior_college',
  本科: 'bachelor',
  硕士: 'master',
  博士: 'doctorate',
};
const SIZES: Record<string, EmployerSize> = {
  '20人以下': 'lt20',
  '20-99人': '20_99',
  '100-299人': '100_299',
  '300-999人': '300_999',
  '1000人以上': 'gte1000',
};
const KINDS: Record<string, VacancyKind> = {
  全职: 'regular',
  公益性岗位: 'public_welfare',
  公益岗: 'public_welfare',
  农村公益性岗位: 'public_welfare',
  见习岗位: 'internship',
  见习: 'internship',
  零工: 'gig',
};
const UNITS: Record<string, PayUnit> = {
  月: 'month',
  天: 'day',
  日: 'day',
  小时: 'hour',
  件: 'piece',
};
const MODES: Record<string, FairMode> = {
  线上: 'online',
  线下: 'offline',
  线上线下: 'hybrid',
  '线上+线下': 'hybrid',
};

export interface PersonRow {
  idNumber: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  household: Household;
  townshipCode: string;
  registeredOn: string;
  status: EmploymentStatus;
  education: EducationEntry[];
  keyGroups: DeclaredKeyGroup[];
  phone: string | null;
}

export interface EmployerRow {
  creditCode: string;
  name: string;
  industry: string;
  size: EmployerSize;
  townshipCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  legalRepresentative: string;
  registeredOn: string;
}

export interface PostRow {
  creditCode: string;
  postNumber: string;
  title: string;
  occupationCode: string;
  kind: VacancyKind;
  headcount: number;
  payMin: number;
  payMax: number;
  payUnit: PayUnit;
  townshipCode: string;
  address: string;
  publishedOn: string;
  expiresOn: string;
  targetKeyGroups: string[];
  monthlySubsidy: number | null;
  contactName: string;
  contactPhone: string;
}

export interface FairRow {
  number: string;
  title: string;
  mode: FairMode;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  townshipCode: string | null;
  campaign: string | null;
  targetKeyGroups: string[];
}

export interface BoothRow {
  fairNumber: string;
  creditCode: string;
  boothNumber: number | null;
  postNumbers: string[];
}

export interface AttendeeRow {
  fairNumber: string;
  idNumber: string;
}

export interface IntentRow {
  idNumber: string;
  creditCode: string;
  postNumber: string;
  agreedOn: string;
  fairNumber: string | null;
}

export interface PlacementRow {
  idNumber: string;
  creditCode: string;
  postNumber: string;
  hiredOn: string;
  leftOn: string | null;
}

export type CheckedRow =
  | { kind: 'people'; value: PersonRow }
  | { kind: 'employers'; value: EmployerRow }
  | { kind: 'posts'; value: PostRow }
  | { kind: 'fairs'; value: FairRow }
  | { kind: 'booths'; value: BoothRow }
  | { kind: 'attendees'; value: AttendeeRow }
  | { kind: 'intents'; value: IntentRow }
  | { kind: 'placements'; value: PlacementRow };

function idNumber(r: CellReader): string {
  const value = r.text('idNumber', '身份证号', true).toUpperCase();
  if (!value) return value;
  const parsed = parseResidentId(value);
  if (!parsed.ok) r.problem(`身份证号：${parsed.reason}`);
  return value;
}

function creditCode(r: CellReader, header = '单位信用代码'): string {
  const value = r.text('creditCode', header, true).toUpperCase();
  const reason = value ? checkCreditCode(value) : undefined;
  if (reason) r.problem(`${header}：${reason}`);
  return value;
}

function township(r: CellReader, ctx: RowContext, key: string, header: string, required: boolean) {
  const value = r.text(key, header, required);
  if (!value) return null;
  const code = ctx.townshipCode(value);
  if (!code) r.problem(`${header}：“${value.slice(0, 20)}”不是本县的乡镇（街道）`);
  return code ?? null;
}

function notAfterToday(r: CellReader, ctx: RowContext, date: string | null, header: string) {
  if (date && date > ctx.today) r.problem(`${header}：不能晚于今天（${ctx.today}）`);
}

function phone(r: CellReader, key: string, header: string, required: boolean): string {
  const value = r.text(key, header, required).replace(/[\s-]/g, '');
  if (value && !isMobilePhone(value)) r.problem(`${header}：应为11位手机号`);
  return value;
}

const CHECKS: Record<LedgerKind, (r: CellReader, ctx: RowContext) => CheckedRow['value']> = {
  people: (r, ctx): PersonRow => {
    const id = idNumber(r);
    const parsed = parseResidentId(id);
    const registeredOn = r.date('registeredOn', '登记日期', true);
    notAfterToday(r, ctx, registeredOn, '登记日期');
    const level = r.choice('education', '最高学历', false, EDUCATION);
    const graduatedOn = r.date('graduatedOn', '毕业日期', Boolean(level));
    const birthDate = parsed.ok ? parsed.facts.birthDate : '';
    if (graduatedOn && birthDate && graduatedOn < birthDate)
      r.problem('毕业日期：不能早于出生日期');
    if (registeredOn && birthDate && registeredOn < birthDate)
      r.problem('登记日期：不能早于出生日期');
    return {
      idNumber: id,
      name: r.text('name', '姓名', true, 50),
      gender: parsed.ok ? parsed.facts.gender : 'male',
      birthDate,
      household: r.choice('household', '户籍类型', true, HOUSEHOLDS)!,
      townshipCode: township(r, ctx, 'township', '乡镇（街道）', true)!,
      registeredOn: registeredOn!,
      status: r.choice('status', '登记时就业状态', true, STATUSES)!,
      education:
        level && graduatedOn
          ? [
              {
                level,
                school: r.text('school', '毕业院校', false, 100),
                graduationDate: graduatedOn,
              },
            ]
          : [],
      keyGroups: r.keyGroups('keyGroups', '重点群体', true) as DeclaredKeyGroup[],
      phone: phone(r, 'phone', '手机号', false) || null,
    };
  },
  employers: (r, ctx): EmployerRow => {
    const registeredOn = r.date('registeredOn', '登记日期', false) ?? ctx.today;
    notAfterToday(r, ctx, registeredOn, '登记日期');
    return {
      creditCode: creditCode(r, '统一社会信用代码'),
      name: r.text('name', '单位名称', true, 100),
      industry: r.text('industry', '所属行业', true, 50),
      size: r.choice('size', '单位规模', false, SIZES) ?? 'lt20',
      townshipCode: township(r, ctx, 'township', '乡镇（街道）', true)!,
      address: r.text('address', '地址', true, 200),
      contactName: r.text('contactName', '联系人', true, 50),
      contactPhone: phone(r, 'contactPhone', '联系电话', true),
      legalRepresentative: r.text('legalRepresentative', '法定代表人', false, 50),
      registeredOn,
    };
  },
  posts: (r, ctx): PostRow => {
    const occupationText = r.text('occupation', '职业', true);
    const occupation = occupationText ? findOccupation(occupationText) : undefined;
    if (occupationText && !occupation)
      r.problem(`职业：“${occupationText.slice(0, 20)}”不在职业分类列表中`);
    const kind = r.choice('kind', '岗位类型', true, KINDS);
    const payMin = r.amount('payMin', '最低薪资', true);
    const payMax = r.amount('payMax', '最高薪资', true);
    if (payMin !== null && payMax !== null && payMin > payMax)
      r.problem('薪资：最低薪资不能高于最高薪资');
    const publishedOn = r.date('publishedOn', '发布日期', true);
    const expiresOn = r.date('expiresOn', '截止日期', true);
    notAfterToday(r, ctx, publishedOn, '发布日期');
    if (publishedOn && expiresOn && expiresOn < publishedOn)
      r.problem('截止日期：不能早于发布日期');
    const targetKeyGroups = r.keyGroups('keyGroups', '招用重点群体');
    const monthlySubsidy = r.amount(
      'monthlySubsidy',
      '月补贴标准（元）',
      kind === 'public_welfare',
    );
    if (kind === 'public_welfare' && !targetKeyGroups.length)
      r.problem('招用重点群体：公益性岗位须填写招用的重点群体');
    return {
      creditCode: creditCode(r),
      postNumber: r.text('postNumber', '岗位编号', true, 40),
      title: r.text('title', '岗位名称', true, 100),
      occupationCode: occupation?.code ?? '',
      kind: kind!,
      headcount: r.integer('headcount', '招聘人数', true, 1)!,
      payMin: payMin!,
      payMax: payMax!,
      payUnit: r.choice('payUnit', '计薪单位', true, UNITS)!,
      townshipCode: township(r, ctx, 'township', '工作乡镇', true)!,
      address: r.text('address', '工作地点', false, 200),
      publishedOn: publishedOn!,
      expiresOn: expiresOn!,
      targetKeyGroups,
      monthlySubsidy: kind === 'public_welfare' ? monthlySubsidy : null,
      contactName: r.text('contactName', '联系人', false, 50),
      contactPhone: phone(r, 'contactPhone', '联系电话', false),
    };
  },
  fairs: (r, ctx): FairRow => {
    const mode = r.choice('mode', '形式', true, MODES);
    const startsOn = r.date('startsOn', '举办日期', true);
    const endsOn = r.date('endsOn', '结束日期', false) ?? startsOn;
    if (startsOn && endsOn && endsOn < startsOn) r.problem('结束日期：不能早于举办日期');
    const offline = mode === 'offline' || mode === 'hybrid';
    const venue = r.text('venue', '举办地点', offline, 200) || null;
    return {
      number: r.text('number', '招聘会编号', true, 64),
      title: r.text('title', '招聘会名称', true, 100),
      mode: mode!,
      startsOn: startsOn!,
      endsOn: endsOn!,
      venue,
      townshipCode: township(r, ctx, 'township', '乡镇（街道）', offline),
      campaign: r.text('campaign', '专项活动', false, 50) || null,
      targetKeyGroups: r.keyGroups('keyGroups', '面向重点群体'),
    };
  },
  booths: (r): BoothRow => ({
    fairNumber: r.text('fairNumber', '招聘会编号', true, 64),
    creditCode: creditCode(r),
    boothNumber: r.integer('boothNumber', '展位号', false, 1),
    postNumbers: [...new Set(r.list('postNumbers', '带来岗位编号', true))],
  }),
  attendees: (r): AttendeeRow => ({
    fairNumber: r.text('fairNumber', '招聘会编号', true, 64),
    idNumber: idNumber(r),
  }),
  intents: (r, ctx): IntentRow => {
    const agreedOn = r.date('agreedOn', '达成日期', true);
    notAfterToday(r, ctx, agreedOn, '达成日期');
    return {
      idNumber: idNumber(r),
      creditCode: creditCode(r),
      postNumber: r.text('postNumber', '岗位编号', true, 40),
      agreedOn: agreedOn!,
      fairNumber: r.text('fairNumber', '招聘会编号', false, 64) || null,
    };
  },
  placements: (r, ctx): PlacementRow => {
    const hiredOn = r.date('hiredOn', '入职日期', true);
    const leftOn = r.date('leftOn', '离岗日期', false);
    notAfterToday(r, ctx, hiredOn, '入职日期');
    notAfterToday(r, ctx, leftOn, '离岗日期');
    if (hiredOn && leftOn && leftOn < hiredOn) r.problem('离岗日期：不能早于入职日期');
    return {
      idNumber: idNumber(r),
      creditCode: creditCode(r),
      postNumber: r.text('postNumber', '岗位编号', true, 40),
      hiredOn: hiredOn!,
      leftOn,
    };
  },
};

/** Checks one row on its own (references to other ledgers are checked later). */
export function checkRow(
  row: LedgerLine,
  ctx: RowContext,
): { value: CheckedRow['value'] } | { problems: string[] } {
  const reader = new CellReader(row.cells);
  const value = CHECKS[row.kind](reader, ctx);
  return reader.problems.length ? { problems: reader.problems } : { value };
}
