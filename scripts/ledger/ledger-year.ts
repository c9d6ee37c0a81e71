import * as ExcelJS from 'exceljs';
import { LEDGER_SHEETS, LedgerKind } from '@jipin/ledgers';
import {
  creditCode,
  employerPhone,
  ResidentIdAllocator,
  seekerPhone,
} from '../datagen/identifiers';
import { Random } from '../datagen/random';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from '../datagen/vocabulary';

/**
 * A year of a county bureau's ledgers (台账), generated: people, employers,
 * posts, fairs with booths and attendees, intents and placements, all dated
 * in `year`. Besides the workbook it gives the totals the statistics must
 * show for that year, computed here from the rows by the report's definitions
 * (docs/statistics.md), not by the platform's code.
 */
export interface LedgerYearOptions {
  year: number;
  people: number;
  fairs: number;
  employers: number;
  townships: { code: string; name: string }[];
  seed?: string;
  /** Ledgers of another batch (0, 1, 2): other ID numbers, credit codes, phones and fair numbers. */
  batch?: number;
}

const BATCH_COUNTIES = ['360822', '360821', '360802'];

export type Row = Record<string, unknown>;

export interface LedgerYear {
  rows: Record<LedgerKind, Row[]>;
  /** Indicator code → the value the statistics must show for the year (county-wide). */
  expected: Record<string, number | null>;
}

const OCCUPATIONS = {
  factory: ['6-25-04-01', '电子设备装配工'],
  farm: ['5-01-02-02', '蔬菜园艺工'],
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function generateLedgerYear(options: LedgerYearOptions): LedgerYear {
  const random = new Random(options.seed ?? `ledger-${options.year}`);
  const { year, townships } = options;
  const day = (from: number, to: number) => {
    const d = new Date(Date.UTC(year, 0, 1 + random.int(from, to)));
    return d.toISOString().slice(0, 10);
  };
  const later = (date: string, min: number, max: number, cap = `${year}-12-31`) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + random.int(min, max));
    const out = d.toISOString().slice(0, 10);
    return out > cap ? cap : out;
  };
  const ids = new ResidentIdAllocator();
  const batch = options.batch ?? 0;
  const county = BATCH_COUNTIES[batch];

  type Person = Row & {
    idNumber: string;
    registeredOn: string;
    status: string;
    household: string;
    groups: string[];
  };
  const people: Person[] = [];
  for (let i = 0; i < options.people; i++) {
    const gender = random.chance(0.5) ? 'male' : 'female';
    const birth = `${random.int(1966, 2004)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const college = random.chance(0.2);
    const groups = [
      ...(random.chance(0.15) ? ['脱贫劳动力'] : []),
      ...(random.chance(0.04) ? ['监测对象'] : []),
      ...(random.chance(0.06) ? ['就业困难人员'] : []),
      ...(random.chance(0.03) ? ['零就业家庭'] : []),
    ];
    const status = random.weighted([
      ['失业', 80],
      ['就业', 10],
      ['灵活就业', 5],
      ['在校学生', 5],
    ] as const);
    people.push({
      idNumber: ids.next(county, birth.replace(/-/g, ''), gender),
      name: random.weighted(SURNAMES) + random.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE),
      household: random.chance(0.6) ? '农村' : '城镇',
      township: random.pick(townships).name,
      registeredOn: day(0, 300),
      status,
      education: college ? random.pick(['大专', '本科']) : random.pick(['初中', '高中', '']),
      graduatedOn: '',
      school: '',
      keyGroups: groups.join('、'),
      phone: random.chance(0.5) ? seekerPhone(700_000 + batch * 100_000 + i) : '',
      groups,
    });
    const p = people[i];
    if (p.education) {
      p.graduatedOn = `${Math.min(Number(birth.slice(0, 4)) + random.int(18, 24), year - 1)}-06-30`;
      p.school = '吉安职业技术学院';
    }
  }

  const employers: Row[] = [];
  for (let i = 0; i < options.employers; i++)
    employers.push({
      creditCode: creditCode(50_000 + i, false, county),
      name: `吉水县台账${i + 1}号实业有限公司`,
      industry: '制造业',
      size: '100-299人',
      township: random.pick(townships).name,
      address: `城西工业园区${i + 1}号`,
      contactName: '李主管',
      contactPhone: employerPhone(60_000 + batch * 10_000 + i),
      legalRepresentative: '王五',
      registeredOn: `${year}-01-0${1 + (i % 9)}`,
    });

  type Post = Row & {
    creditCode: string;
    postNumber: string;
    publishedOn: string;
    kind: string;
    headcount: number;
    occupation: string;
    keyGroups: string;
  };
  const posts: Post[] = [];
  employers.forEach((e, i) => {
    for (let k = 0; k < 2; k++) {
      const kind = random.weighted([
        ['全职', 82],
        ['公益性岗位', 13],
        ['见习岗位', 5],
      ] as const);
      const rural = kind === '公益性岗位' && random.chance(0.9);
      const publishedOn = day(0, 330);
      posts.push({
        creditCode: String(e.creditCode),
        postNumber: `GW${i + 1}-${k + 1}`,
        title: kind === '公益性岗位' ? '乡村保洁员' : kind === '见习岗位' ? '行政见习生' : '装配工',
        occupation:
          kind === '全职' && random.chance(0.1) ? OCCUPATIONS.farm[0] : OCCUPATIONS.factory[0],
        kind,
        headcount: random.int(1, 15),
        payMin: kind === '全职' ? 3500 : 1200,
        payMax: kind === '全职' ? 5500 : 1500,
        payUnit: '月',
        township: random.pick(townships).name,
        address: '',
        publishedOn,
        expiresOn: later(publishedOn, 30, 90, `${year + 1}-03-31`),
        keyGroups: rural
          ? '脱贫劳动力、监测对象'
          : kind === '公益性岗位'
            ? '4050人员'
            : kind === '见习岗位'
              ? '离校2年内高校毕业生'
              : '',
        monthlySubsidy: kind === '公益性岗位' ? random.pick([1000, 1200]) : '',
        contactName: '',
        contactPhone: '',
      });
    }
  });
  const postsOf = new Map<string, Post[]>();
  for (const p of posts) postsOf.set(p.creditCode, [...(postsOf.get(p.creditCode) ?? []), p]);

  const fairs: Row[] = [];
  const booths: Row[] = [];
  const attendees: Row[] = [];
  const intents: Row[] = [];
  const fairPosts = new Set<Post>();
  const intentPairs = new Set<string>();
  const fairIntentPeople = new Set<string>();
  const agreed: { person: Person; post: Post; on: string }[] = [];
  for (let f = 0; f < options.fairs; f++) {
    const number = `ZPH${year}-${batch ? `${batch}-` : ''}${pad(f + 1)}`;
    const startsOn = day(
      Math.floor((f * 330) / options.fairs),
      Math.floor(((f + 1) * 330) / options.fairs) - 1,
    );
    const mode = random.pick(['线下', '线上', '线上线下']);
    fairs.push({
      number,
      title: `${year}年第${f + 1}场招聘会`,
      mode,
      startsOn,
      endsOn: '',
      venue: mode === '线上' ? '' : '县人力资源市场',
      township: mode === '线上' ? '' : townships[0].name,
      campaign: random.pick(['春风行动', '民营企业招聘月', '金秋招聘月', '']),
      keyGroups: '',
    });
    const atFair: Post[] = [];
    random.some(employers, 20).forEach((e, b) => {
      const brought = random.some(postsOf.get(String(e.creditCode))!, random.int(1, 2));
      brought.forEach((p) => fairPosts.add(p));
      atFair.push(...brought);
      booths.push({
        fairNumber: number,
        creditCode: String(e.creditCode),
        boothNumber: mode === '线上' ? '' : b + 1,
        postNumbers: brought.map((p) => p.postNumber).join('、'),
      });
    });
    const came = random.some(
      people.filter((p) => p.registeredOn <= startsOn),
      110,
    );
    for (const person of came) {
      attendees.push({ fairNumber: number, idNumber: person.idNumber });
      if (!random.chance(0.7)) continue;
      const post = random.pick(atFair);
      const pair = `${person.idNumber}:${post.creditCode}:${post.postNumber}`;
      if (intentPairs.has(pair)) continue;
      intentPairs.add(pair);
      fairIntentPeople.add(person.idNumber);
      intents.push({
        idNumber: person.idNumber,
        creditCode: post.creditCode,
        postNumber: post.postNumber,
        agreedOn: startsOn,
        fairNumber: number,
      });
      agreed.push({ person, post, on: startsOn });
    }
  }

  // Placements: most intents become hires; some people are placed without a recorded intent.
  const placements: Row[] = [];
  const hires: { person: Person; post: Post; on: string }[] = [];
  const placedPairs = new Set<string>();
  const place = (person: Person, post: Post, after: string) => {
    const pair = `${person.idNumber}:${post.creditCode}:${post.postNumber}`;
    if (placedPairs.has(pair)) return;
    const from = after > person.registeredOn ? after : person.registeredOn;
    const hiredOn = later(from, 1, 40);
    if (hires.some((h) => h.person === person && h.on === hiredOn)) return;
    placedPairs.add(pair);
    const leftOn = post.kind === '公益性岗位' && random.chance(0.2) ? later(hiredOn, 30, 120) : '';
    placements.push({
      idNumber: person.idNumber,
      creditCode: post.creditCode,
      postNumber: post.postNumber,
      hiredOn,
      leftOn,
    });
    hires.push({ person, post, on: hiredOn });
  };
  for (const a of agreed) if (random.chance(0.75)) place(a.person, a.post, a.on);
  for (const person of random.some(people, Math.floor(options.people / 10))) {
    const post = random.pick(posts);
    place(
      person,
      post,
      post.publishedOn > person.registeredOn ? post.publishedOn : person.registeredOn,
    );
  }

  const rows = {
    people,
    employers,
    posts,
    fairs,
    booths,
    attendees,
    intents,
    placements,
  } as Record<LedgerKind, Row[]>;
  return {
    rows,
    expected: expectedTotals(year, people, posts, fairPosts, fairIntentPeople, hires, fairs.length),
  };
}

/** The year's indicators from the rows, by the definitions the bureau reports. */
function expectedTotals(
  year: number,
  people: {
    idNumber: string;
    status: string;
    household: string;
    groups: string[];
    registeredOn: string;
  }[],
  posts: { kind: string; headcount: number; keyGroups: string; occupation: string }[],
  fairPosts: Set<{ headcount: number }>,
  fairIntentPeople: Set<string>,
  hires: {
    person: { idNumber: string; status: string; household: string; groups: string[] };
    post: { kind: string; occupation: string };
    on: string;
  }[],
  fairsHeld: number,
): Record<string, number | null> {
  const sum = (list: { headcount: number }[]) => list.reduce((s, p) => s + p.headcount, 0);
  const distinct = (list: typeof hires) => new Set(list.map((h) => h.person.idNumber)).size;
  const ordered = [...hires].sort((a, b) => a.on.localeCompare(b.on));
  const hiredBefore = new Set<string>();
  const withBefore = ordered.map((h) => {
    const before = hiredBefore.has(h.person.idNumber) ? '就业' : h.person.status;
    hiredBefore.add(h.person.idNumber);
    return { ...h, before };
  });
  const offFarm = (h: (typeof hires)[number]) => !h.post.occupation.startsWith('5-');
  const welfare = posts.filter((p) => p.kind === '公益性岗位');
  const hired = new Set(hires.map((h) => h.person.idNumber));
  const zero = people.filter((p) => p.groups.includes('零就业家庭'));
  const seeking = people.filter((p) => p.status !== '就业').length;
  const positions = sum(posts);
  return {
    urban_new_employment: distinct(
      withBefore.filter((h) => offFarm(h) && (h.before === '失业' || h.before === '在校学生')),
    ),
    rural_labour_transferred: distinct(
      hires.filter((h) => offFarm(h) && h.person.household === '农村'),
    ),
    difficulty_reemployment: distinct(
      hires.filter((h) => h.person.groups.includes('就业困难人员')),
    ),
    zero_employment_family_placement_rate: zero.length
      ? Math.round((10000 * zero.filter((p) => hired.has(p.idNumber)).length) / zero.length) / 100
      : null,
    registered_unemployed: people.filter((p) => p.status === '失业' && !hired.has(p.idNumber))
      .length,
    registered_unemployment_rate: null,
    fairs_held: fairsHeld,
    fair_positions: sum([...fairPosts]),
    fair_intent_people: fairIntentPeople.size,
    public_welfare_posts: sum(welfare),
    rural_public_welfare_posts: sum(welfare.filter((p) => p.keyGroups.includes('脱贫劳动力'))),
    public_welfare_placed: distinct(hires.filter((h) => h.post.kind === '公益性岗位')),
    internship_posts: sum(posts.filter((p) => p.kind === '见习岗位')),
    vacancies_registered: posts.length,
    positions_registered: positions,
    seekers_registered: people.length,
    supply_demand_ratio: seeking ? Math.round((100 * positions) / seeking) / 100 : null,
    year,
  };
}

/** The ledgers as one workbook, a sheet per ledger with the template's headers. */
export async function ledgerWorkbook(rows: Partial<Record<LedgerKind, Row[]>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of LEDGER_SHEETS) {
    const list = rows[sheet.kind];
    if (!list) continue;
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.columns.map((c) => (c.required ? `${c.header}*` : c.header)));
    for (const row of list)
      ws.addRow(sheet.columns.map((c) => (row[c.key] as string | number) ?? ''));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
