import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@jipin/testing';
import { keyGroupCondition } from './key-group-sql';
import { addYears, DERIVED_KEY_GROUPS, deriveKeyGroups, KeyGroupFacts } from './key-groups';

let database: TestDatabase;
let client: Client;

beforeAll(async () => {
  database = await createTestDatabase('key_group_sql');
  client = new Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

const AS_OF = ['2024-02-28', '2024-02-29', '2025-02-28', '2025-03-01', '2026-06-29', '2026-06-30'];

/** People born or graduated on the days around each as-of date, 29 February included. */
function people(): (KeyGroupFacts & { label: string })[] {
  const result: (KeyGroupFacts & { label: string })[] = [];
  for (const asOf of AS_OF)
    for (const years of [16, 25, 40, 50])
      for (const shift of [-1, 0, 1])
        for (const gender of ['male', 'female'] as const) {
          const base = new Date(`${addYears(asOf, -years)}T00:00:00Z`);
          base.setUTCDate(base.getUTCDate() + shift);
          const birthDate = base.toISOString().slice(0, 10);
          const graduated = new Date(`${addYears(asOf, -2)}T00:00:00Z`);
          graduated.setUTCDate(graduated.getUTCDate() + shift);
          result.push({
            label: `${gender} ${birthDate}`,
            gender,
            birthDate,
            household: shift === 0 ? 'rural' : 'urban',
            employmentStatus: shift === 1 ? 'student' : 'unemployed',
            education: [
              { level: 'bachelor', graduationDate: graduated.toISOString().slice(0, 10) },
            ],
          });
        }
  result.push({
    label: 'leap-day baby',
    gender: 'female',
    birthDate: '1984-02-29',
    household: 'urban',
    employmentStatus: 'employed',
    education: [{ level: 'junior_college', graduationDate: '2023-02-28' }],
  });
  return result;
}

test('the SQL for each derived key group selects exactly whom deriveKeyGroups names, on every date', async () => {
  const [{ id: userId }] = (
    await client.query(`insert into users (role, name) values ('seeker', 'sql check') returning id`)
  ).rows;
  const everyone = people();
  const ids: string[] = [];
  for (const [i, person] of everyone.entries()) {
    // One login per profile; the first reuses the row above.
    const owner =
      i === 0
        ? userId
        : (await client.query(`insert into users (role, name) values ('seeker', 'x') returning id`))
            .rows[0].id;
    const { rows } = await client.query(
      `insert into seeker_profiles (user_id, name, gender, birth_date, household, township_code,
         education, first_college_graduation_date, employment_status)
       values ($1, $2, $3, $4, $5, '360822101000', $6, $7, $8) returning id`,
      [
        owner,
        person.label,
        person.gender,
        person.birthDate,
        person.household,
        JSON.stringify(person.education),
        person.education[0].graduationDate,
        person.employmentStatus,
      ],
    );
    ids.push(rows[0].id);
  }
  let compared = 0;
  for (const asOf of AS_OF)
    for (const group of DERIVED_KEY_GROUPS) {
      const sql = keyGroupCondition(group).replace(/:asOf/g, '$1');
      const { rows } = await client.query(
        `select p.id from seeker_profiles p where ${sql}`,
        sql.includes('$1') ? [asOf] : [],
      );
      const selected = new Set(rows.map((r: { id: string }) => r.id));
      everyone.forEach((person, i) => {
        compared += 1;
        assert.equal(
          selected.has(ids[i]),
          deriveKeyGroups(person, asOf).includes(group),
          `${group} on ${asOf} for ${person.label}`,
        );
      });
    }
  assert.ok(compared > 1000);
});
