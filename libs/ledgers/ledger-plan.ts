import { LedgerEmployerRef } from '@jipin/employers';
import { LedgerFairRef } from '@jipin/fairs';
import { LedgerPersonRef } from '@jipin/seekers';
import { ledgerPostKey, LedgerPostRef } from '@jipin/vacancies';
import { emptyCounts, LedgerCounts, RowErrors } from './ledger-report';
import {
  AttendeeRow,
  BoothRow,
  EmployerRow,
  FairRow,
  IntentRow,
  PersonRow,
  PlacementRow,
  PostRow,
} from './ledger-rows';
import { LedgerKind, SHEET_OF_KIND } from './ledger-sheets';

export interface Lined<T> {
  line: number;
  value: T;
}

/** Rows that passed their own checks, per ledger. */
export interface CheckedLedgers {
  people: Lined<PersonRow>[];
  employers: Lined<EmployerRow>[];
  posts: Lined<PostRow>[];
  fairs: Lined<FairRow>[];
  booths: Lined<BoothRow>[];
  attendees: Lined<AttendeeRow>[];
  intents: Lined<IntentRow>[];
  placements: Lined<PlacementRow>[];
}

/** What the platform already holds of the records the file names. */
export interface ExistingRecords {
  people: Map<string, LedgerPersonRef>;
  phonesInUse: Set<string>;
  employers: Map<string, LedgerEmployerRef>;
  posts: Map<string, LedgerPostRef>;
  fairs: Map<string, LedgerFairRef>;
  /** At fairs already on the platform: booth number → employer id, per fair id. */
  boothNumbers: Map<string, Map<number, string>>;
}

/** The rows to write: new records, and links whose ends are all known. */
export interface LedgerPlan {
  people: PersonRow[];
  employers: EmployerRow[];
  posts: PostRow[];
  fairs: FairRow[];
  booths: BoothRow[];
  attendees: AttendeeRow[];
  intents: IntentRow[];
  placements: PlacementRow[];
  existing: LedgerCounts;
  /** Every good employer row of the file, new or not: new posts take their contact from it. */
  employerRows: Map<string, EmployerRow>;
  /** Rows repeated within the file that add nothing (the same link twice). */
  repeated: LedgerCounts;
}

/**
 * Checks every reference between ledgers (a placement's person, post and
 * employer; a booth's fair …) against the file's good rows and the platform's
 * records, and decides what is new. A row that names a bad row is bad too.
 */
export function planLedgers(
  rows: CheckedLedgers,
  existing: ExistingRecords,
  errors: RowErrors,
  badKeys: Map<string, number>,
): LedgerPlan {
  const plan: LedgerPlan = {
    people: [],
    employers: [],
    posts: [],
    fairs: [],
    booths: [],
    attendees: [],
    intents: [],
    placements: [],
    existing: emptyCounts(),
    employerRows: new Map(),
    repeated: emptyCounts(),
  };
  const people = new Map<string, PersonRow>();
  const employers = new Map<string, EmployerRow>();
  const posts = new Map<string, PostRow>();
  const fairs = new Map<string, FairRow>();

  /** Keeps the first row of each key; later rows with the same key are errors. */
  const unique = <T>(kind: LedgerKind, list: Lined<T>[], key: (v: T) => string, label: string) => {
    const first = new Map<string, number>();
    return list.filter(({ line, value }) => {
      const k = key(value);
      if (first.has(k)) {
        errors.add(kind, line, `${label}与第${first.get(k)}行重复`);
        return false;
      }
      first.set(k, line);
      return true;
    });
  };

  const phones = new Map<string, number>();
  for (const { line, value } of unique('people', rows.people, (p) => p.idNumber, '身份证号')) {
    if (existing.people.has(value.idNumber)) {
      plan.existing.people++;
      continue;
    }
    if (value.phone && existing.phonesInUse.has(value.phone)) {
      errors.add('people', line, '手机号：已被平台上的其他账号使用');
      badKeys.set(`person:${value.idNumber}`, line);
      continue;
    }
    if (value.phone && phones.has(value.phone)) {
      errors.add('people', line, `手机号：与第${phones.get(value.phone)}行重复`);
      badKeys.set(`person:${value.idNumber}`, line);
      continue;
    }
    if (value.phone) phones.set(value.phone, line);
    people.set(value.idNumber, value);
    plan.people.push(value);
  }
  for (const { value } of unique(
    'employers',
    rows.employers,
    (e) => e.creditCode,
    '统一社会信用代码',
  )) {
    plan.employerRows.set(value.creditCode, value);
    if (existing.employers.has(value.creditCode)) plan.existing.employers++;
    else {
      employers.set(value.creditCode, value);
      plan.employers.push(value);
    }
  }

  const refs = {
    person: (kind: LedgerKind, line: number, id: string) => {
      if (people.has(id) || existing.people.has(id)) return true;
      errors.add(
        kind,
        line,
        missing('person', id, badKeys, '身份证号：人员台账中没有该人员，平台上也未登记'),
      );
      return false;
    },
    employer: (kind: LedgerKind, line: number, code: string) => {
      if (employers.has(code) || existing.employers.has(code)) return true;
      errors.add(
        kind,
        line,
        missing('employer', code, badKeys, '单位信用代码：单位台账中没有该单位，平台上也未登记'),
      );
      return false;
    },
    post: (kind: LedgerKind, line: number, code: string, number: string) => {
      const key = ledgerPostKey(code, number);
      if (posts.has(key) || existing.posts.has(key)) return true;
      errors.add(
        kind,
        line,
        missing(
          'post',
          key,
          badKeys,
          `岗位编号：岗位台账中没有该单位的岗位“${number.slice(0, 40)}”`,
        ),
      );
      return false;
    },
    fair: (kind: LedgerKind, line: number, number: string) => {
      if (fairs.has(number) || existing.fairs.has(number)) return true;
      errors.add(
        kind,
        line,
        missing('fair', number, badKeys, `招聘会编号：招聘会台账中没有“${number.slice(0, 40)}”`),
      );
      return false;
    },
  };

  const postKey = (p: { creditCode: string; postNumber: string }) =>
    ledgerPostKey(p.creditCode, p.postNumber);
  for (const { line, value } of unique('posts', rows.posts, postKey, '单位信用代码和岗位编号')) {
    if (!refs.employer('posts', line, value.creditCode)) {
      badKeys.set(`post:${postKey(value)}`, line);
      continue;
    }
    if (existing.posts.has(postKey(value))) plan.existing.posts++;
    else if (!value.contactName && !plan.employerRows.has(value.creditCode)) {
      errors.add('posts', line, '联系人：该单位不在本次单位台账中，请填写岗位的联系人和联系电话');
      badKeys.set(`post:${postKey(value)}`, line);
    } else {
      posts.set(postKey(value), value);
      plan.posts.push(value);
    }
  }
  for (const { value } of unique('fairs', rows.fairs, (f) => f.number, '招聘会编号')) {
    if (existing.fairs.has(value.number)) plan.existing.fairs++;
    else {
      fairs.set(value.number, value);
      plan.fairs.push(value);
    }
  }

  const boothNumbers = new Map<string, number>();
  for (const { line, value } of unique(
    'booths',
    rows.booths,
    (b) => `${b.fairNumber}\n${b.creditCode}`,
    '招聘会编号和单位信用代码',
  )) {
    const known =
      refs.fair('booths', line, value.fairNumber) &&
      refs.employer('booths', line, value.creditCode) &&
      value.postNumbers.every((n) => refs.post('booths', line, value.creditCode, n));
    const numberKey = `${value.fairNumber}\n${value.boothNumber}`;
    const fair = existing.fairs.get(value.fairNumber);
    const holder =
      fair && value.boothNumber !== null
        ? existing.boothNumbers.get(fair.id)?.get(value.boothNumber)
        : undefined;
    if (known && value.boothNumber !== null && boothNumbers.has(numberKey))
      errors.add(
        'booths',
        line,
        `展位号：与第${boothNumbers.get(numberKey)}行同一招聘会的展位号重复`,
      );
    else if (known && holder && holder !== existing.employers.get(value.creditCode)?.id)
      errors.add('booths', line, `展位号：该招聘会的${value.boothNumber}号展位已安排给其他单位`);
    else if (known) {
      if (value.boothNumber !== null) boothNumbers.set(numberKey, line);
      plan.booths.push(value);
    }
  }
  linkRows(
    rows.attendees,
    plan,
    'attendees',
    (a) => `${a.fairNumber}\n${a.idNumber}`,
    ({ line, value }) =>
      refs.fair('attendees', line, value.fairNumber) &&
      refs.person('attendees', line, value.idNumber),
  );
  linkRows(
    rows.intents,
    plan,
    'intents',
    (i) => `${i.idNumber}\n${postKey(i)}`,
    ({ line, value }) =>
      refs.person('intents', line, value.idNumber) &&
      refs.post('intents', line, value.creditCode, value.postNumber) &&
      (!value.fairNumber || refs.fair('intents', line, value.fairNumber)),
  );
  for (const { line, value } of unique(
    'placements',
    rows.placements,
    (p) => `${p.idNumber}\n${postKey(p)}`,
    '身份证号和岗位',
  )) {
    if (
      !refs.person('placements', line, value.idNumber) ||
      !refs.post('placements', line, value.creditCode, value.postNumber)
    )
      continue;
    const registeredOn = (people.get(value.idNumber) ?? existing.people.get(value.idNumber))!
      .registeredOn;
    const person = people.get(value.idNumber);
    if (person && value.hiredOn < registeredOn)
      errors.add('placements', line, `入职日期：早于该人员的登记日期（${registeredOn}）`);
    else plan.placements.push(value);
  }
  return plan;
}

/** Links (attendance, intents) repeated in the file count once; a repeat is not an error. */
function linkRows<T>(
  list: Lined<T>[],
  plan: LedgerPlan,
  kind: 'attendees' | 'intents',
  key: (v: T) => string,
  known: (row: Lined<T>) => boolean,
): void {
  const seen = new Set<string>();
  for (const row of list) {
    if (!known(row)) continue;
    if (seen.has(key(row.value))) {
      plan.repeated[kind]++;
      continue;
    }
    seen.add(key(row.value));
    (plan[kind] as T[]).push(row.value);
  }
}

const WHAT: Record<string, LedgerKind> = {
  person: 'people',
  employer: 'employers',
  post: 'posts',
  fair: 'fairs',
};

/** Why a reference fails: the row it names is bad, or there is no such record. */
function missing(
  type: string,
  key: string,
  badKeys: Map<string, number>,
  otherwise: string,
): string {
  const line = badKeys.get(`${type}:${key}`);
  return line === undefined
    ? otherwise
    : `引用的${SHEET_OF_KIND.get(WHAT[type])!.name}第${line}行有误，未导入`;
}
