import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import {
  buildXlsx,
  createStaffUser,
  FUTIAN,
  inlineCell,
  registerUser,
  sheetXml,
  TestApi,
  TestUser,
  uploadFile,
} from '@jipin/testing';
import { withIdCheckDigit } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import {
  generateLedgerYear,
  LedgerYear,
  ledgerWorkbook,
  Row,
} from '../../../scripts/ledger/ledger-year';

let api: TestApi;
let admin: TestUser;
let year: LedgerYear;
let file: Buffer;

const YEAR = 2025;
const IMPORT = '/api/staff/ledger-imports';
const TABLES = [
  'users',
  'seeker_profiles',
  'seeker_key_groups',
  'seeker_employment_history',
  'employers',
  'vacancies',
  'fairs',
  'fair_booths',
  'fair_booth_vacancies',
  'fair_registrations',
  'placement_intents',
  'placements',
];

beforeAll(async () => {
  api = await TestApi.start('ledger_import');
  admin = await createStaffUser(api, { name: '县局管理员' });
  const townships = api.app.get(RegionsService).allTownships();
  year = generateLedgerYear({ year: YEAR, people: 5000, fairs: 48, employers: 300, townships });
  file = await ledgerWorkbook(year.rows);
});
afterAll(async () => api.close());

const upload = (
  body: Buffer,
  mode = 'all_or_nothing',
  token = admin.token,
  name = 'ledgers.xlsx',
) => uploadFile(api, `${IMPORT}?mode=${mode}`, body, name, token);

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES)
    counts[table] = Number((await api.dataSource.query(`select count(*) from ${table}`))[0].count);
  return counts;
}

async function indicators(query = ''): Promise<Record<string, number | null>> {
  const res = await api.get(
    `/api/staff/statistics/indicators?from=${YEAR}-01-01&to=${YEAR}-12-31${query}`,
    { token: admin.token },
  );
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return Object.fromEntries(
    res.body.map((i: { code: string; value: number | null }) => [i.code, i.value]),
  );
}

describe('a year of ledgers: 5,000 people and 48 fairs', () => {
  test('imports every row and the year’s statistics equal the ledgers’ totals', async () => {
    assert.ok(year.rows.people.length >= 5000 && year.rows.fairs.length === 48);
    const res = await upload(file);
    assert.equal(res.status, 201, JSON.stringify(res.body).slice(0, 2000));
    assert.deepEqual(res.body.errors, []);
    for (const kind of ['people', 'employers', 'posts', 'fairs', 'booths', 'attendees'] as const)
      assert.equal(res.body.created[kind], year.rows[kind].length, kind);
    assert.equal(res.body.created.intents, year.rows.intents.length);
    assert.equal(res.body.created.placements, year.rows.placements.length);

    const values = await indicators();
    const { year: _year, ...expected } = year.expected;
    for (const [code, value] of Object.entries(expected))
      assert.equal(values[code], value, `${code}: platform ${values[code]}, ledgers ${value}`);

    const text = (
      await api.get(`/api/staff/statistics/report-text?from=${YEAR}-01-01&to=${YEAR}-12-31`, {
        token: admin.token,
      })
    ).body.text as string;
    for (const phrase of [
      `城镇新增就业${expected.urban_new_employment}人`,
      `新增转移农村劳动力${expected.rural_labour_transferred}人`,
      `登记失业${expected.registered_unemployed}人`,
      `组织招聘会48场，汇集就业岗位${expected.fair_positions}个，达成就业意向${expected.fair_intent_people}人`,
      `开发公益性岗位${expected.public_welfare_posts}个`,
      `提供${expected.internship_posts}个见习岗位`,
    ])
      assert.ok(text.includes(phrase), `report text lacks “${phrase}”: ${text}`);
  });

  test('status history: a person hired in the year is not registered unemployed at its end', async () => {
    const hired = year.rows.placements[0];
    const [row] = await api.dataSource.query(
      `select count(*)::int as n from seeker_employment_history h
         join placements pl on pl.id = h.placement_id
        where h.status = 'employed' and h.since = pl.hired_on`,
    );
    assert.equal(row.n, year.rows.placements.length);
    assert.ok(hired.hiredOn);
  });

  test('the same file uploaded again changes nothing', async () => {
    const before = await tableCounts();
    const values = await indicators();
    const res = await upload(file);
    assert.equal(res.status, 201, JSON.stringify(res.body).slice(0, 1000));
    assert.deepEqual(res.body.errors, []);
    assert.ok(
      Object.values(res.body.created).every((n) => n === 0),
      JSON.stringify(res.body.created),
    );
    assert.equal(res.body.existing.people, year.rows.people.length);
    assert.equal(res.body.existing.placements, year.rows.placements.length);
    assert.deepEqual(await tableCounts(), before);
    assert.deepEqual(await indicators(), values);
  });

  test('a key group and a township filter the imported year too', async () => {
    const difficulty = await indicators('&keyGroup=employment_difficulty');
    assert.equal(difficulty.difficulty_reemployment, year.expected.difficulty_reemployment);
    const township = year.rows.people[0].township as string;
    const code = api.app
      .get(RegionsService)
      .allTownships()
      .find((t) => t.name === township)!.code;
    const there = await indicators(`&townshipCode=${code}`);
    assert.equal(
      there.seekers_registered,
      year.rows.people.filter((p) => p.township === township).length,
    );
  });
});

function wrongCheckDigit(id: string): string {
  const right = withIdCheckDigit(id.slice(0, 17));
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

/** Small ledgers of one person, employer, post, fair, booth, attendee, intent and placement. */
function smallLedgers(tag: string): Record<string, Row[]> {
  const small = generateLedgerYear({
    year: YEAR,
    people: 40,
    fairs: 2,
    employers: 4,
    townships: api.app.get(RegionsService).allTownships(),
    seed: tag,
    batch: 1,
  });
  return small.rows;
}

describe('bad rows', () => {
  const badLedgers = () => {
    const rows = smallLedgers('bad-rows');
    const person = rows.people[0];
    const post = rows.posts[0];
    return {
      rows,
      people: [
        { ...person, idNumber: wrongCheckDigit(String(person.idNumber)) }, // line 2
        { ...rows.people[1], township: '北京市' }, // line 3: not a township of the county
        { ...rows.people[2], registeredOn: '2025-13-45' }, // line 4: not a date
        { ...rows.people[3], name: '' }, // line 5: required cell empty
        { ...rows.people[4], idNumber: rows.people[5].idNumber }, // line 6: same ID as line 7
        ...rows.people.slice(5),
      ],
      posts: [
        { ...post, payMin: 6000, payMax: 4000 }, // line 2
        { ...rows.posts[1], kind: '公益性岗位', keyGroups: '', monthlySubsidy: '' }, // line 3
        { ...rows.posts[2], creditCode: 'ABC' }, // line 4: not a credit code
        ...rows.posts.slice(3),
      ],
      placements: [
        {
          idNumber: withIdCheckDigit('36082119800101987'),
          creditCode: post.creditCode,
          postNumber: post.postNumber,
          hiredOn: '2025-06-01',
        }, // unknown person
        {
          idNumber: rows.people[6].idNumber,
          creditCode: rows.posts[3].creditCode,
          postNumber: 'NO-SUCH',
          hiredOn: '2025-06-01',
        },
        {
          idNumber: rows.people[7].idNumber,
          creditCode: rows.posts[3].creditCode,
          postNumber: rows.posts[3].postNumber,
          hiredOn: '2024-01-01',
        },
        {
          idNumber: rows.people[8].idNumber,
          creditCode: rows.posts[3].creditCode,
          postNumber: rows.posts[3].postNumber,
          hiredOn: '2025-06-01',
          leftOn: '2025-05-01',
        },
      ],
    };
  };

  test('all-or-nothing: each bad row is named by sheet and line, in Chinese, and nothing is written', async () => {
    const bad = badLedgers();
    const before = await tableCounts();
    const takenBooth = {
      fairNumber: `ZPH${YEAR}-01`,
      creditCode: bad.rows.employers[3].creditCode,
      boothNumber: 1,
      postNumbers: bad.rows.posts[6].postNumber,
    };
    const booths = [...bad.rows.booths, takenBooth];
    const body = await ledgerWorkbook({
      ...bad.rows,
      booths,
      people: bad.people,
      posts: bad.posts,
      placements: bad.placements,
    });
    const res = await upload(body);
    assert.equal(res.status, 422, JSON.stringify(res.body).slice(0, 500));
    assert.equal(res.body.code, 'import_has_errors');
    assert.match(res.body.message, /行有误，未导入任何数据/);
    const at = (sheet: string, line: number) =>
      res.body.details.find(
        (d: { sheet: string; line: number }) => d.sheet === sheet && d.line === line,
      )?.message ?? '';
    assert.match(at('人员台账', 2), /身份证号：身份证号校验位不正确/);
    assert.match(at('人员台账', 3), /乡镇（街道）：“北京市”不是本县的乡镇/);
    assert.match(at('人员台账', 4), /登记日期：“2025-13-45”不是日期/);
    assert.match(at('人员台账', 5), /姓名：必填/);
    assert.match(at('人员台账', 7), /身份证号与第6行重复/);
    assert.match(at('岗位台账', 2), /最低薪资不能高于最高薪资/);
    assert.match(at('岗位台账', 3), /公益性岗位须填写招用的重点群体/);
    assert.match(at('岗位台账', 3), /月补贴标准（元）：必填/);
    assert.match(at('岗位台账', 4), /单位信用代码：统一社会信用代码/);
    assert.match(at('实际就业台账', 2), /人员台账中没有该人员/);
    assert.match(at('实际就业台账', 3), /岗位台账中没有该单位的岗位“NO-SUCH”/);
    assert.match(at('实际就业台账', 4), /入职日期：早于该人员的登记日期/);
    assert.match(at('实际就业台账', 5), /离岗日期：不能早于入职日期/);
    assert.match(at('参会单位台账', bad.rows.booths.length + 2), /1号展位已安排给其他单位/);
    assert.deepEqual(await tableCounts(), before);
  });

  test('row by row: the good rows go in, the bad ones are listed, rows naming a bad row say so', async () => {
    const bad = badLedgers();
    const body = await ledgerWorkbook({
      ...bad.rows,
      people: bad.people,
      posts: bad.posts,
      placements: bad.placements,
    });
    const before = await tableCounts();
    const res = await upload(body, 'row_by_row');
    assert.equal(res.status, 201, JSON.stringify(res.body).slice(0, 500));
    assert.equal(res.body.created.people, bad.people.length - 5);
    assert.equal(res.body.created.posts, bad.posts.length - 3);
    assert.ok(
      res.body.errors.some((e: { message: string }) =>
        /引用的岗位台账第\d+行有误，未导入/.test(e.message),
      ),
    );
    const after = await tableCounts();
    assert.equal(after.seeker_profiles - before.seeker_profiles, bad.people.length - 5);
  });

  test('a missing column or an unknown sheet refuses the file with a Chinese reason', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('人员台账').addRow(['姓名', '身份证号']);
    const missing = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /人员台账缺少必填列：户籍类型/);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('工资表').addRow(['姓名']);
    const unknown = await upload(Buffer.from(await other.xlsx.writeBuffer()));
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.message, /无法识别工作表“工资表”/);
  });
});

describe('hostile files and who may import', () => {
  test('a renamed file, a broken archive and a sheet of a million rows get a 4xx in Chinese', async () => {
    const renamed = await upload(Buffer.from('MZ\x90\x00 not a workbook'));
    assert.equal(renamed.status, 415);
    assert.match(renamed.body.message, /只能上传/);
    const broken = await upload(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    assert.ok(broken.status >= 400 && broken.status < 500, String(broken.status));
    assert.match(broken.body.message, /[\u4e00-\u9fa5]/);
    const far = buildXlsx([sheetXml(`<row r="1000000">${inlineCell('A1000000', 'x')}</row>`)]);
    const huge = await upload(far);
    assert.equal(huge.status, 400);
    assert.match(huge.body.message, /超出限制|超过/);
  });

  test('township window staff, recruiters and seekers cannot import; the trail records each upload', async () => {
    const window = await createStaffUser(api, { townshipCode: FUTIAN });
    const refused = await upload(file, 'all_or_nothing', window.token);
    assert.equal(refused.status, 403);
    assert.match(refused.body.message, /县级工作人员/);
    const seeker = await registerUser(api, 'seeker');
    assert.equal((await upload(file, 'all_or_nothing', seeker.token)).status, 403);
    const trail = await api.get(IMPORT, { token: admin.token });
    assert.equal(trail.status, 200);
    assert.ok(
      trail.body.some(
        (t: { outcome: string; errorCount: number }) => t.outcome === 'refused' && t.errorCount > 0,
      ),
    );
    assert.ok(trail.body.some((t: { outcome: string }) => t.outcome === 'imported'));
  });
});

describe('templates', () => {
  test('each ledger has a template with Chinese headers and an example row that imports as it is', async () => {
    for (const kind of ['people', 'placements', 'all']) {
      const res = await fetch(`${api.baseUrl}${IMPORT}/templates/${kind}`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      assert.equal(res.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      const first = workbook.worksheets[0];
      assert.match(String(first.getRow(1).getCell(1).value), /[\u4e00-\u9fa5]/);
      assert.ok(first.getRow(2).cellCount > 0);
    }
    const all = Buffer.from(
      await (
        await fetch(`${api.baseUrl}${IMPORT}/templates/all`, {
          headers: { authorization: `Bearer ${admin.token}` },
        })
      ).arrayBuffer(),
    );
    const res = await upload(all, 'all_or_nothing', admin.token, '台账导入模板.xlsx');
    assert.equal(res.status, 201, JSON.stringify(res.body).slice(0, 800));
    assert.equal(res.body.created.people + res.body.existing.people, 1);
    const unknown = await api.get(`${IMPORT}/templates/salaries`, { token: admin.token });
    assert.equal(unknown.status, 400);
  });
});
