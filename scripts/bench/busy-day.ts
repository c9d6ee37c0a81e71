import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { PiiCipher } from '@jipin/core';
import { fairBody } from '@jipin/testing';
import { BenchMetric } from './metrics';
import { LoadOptions, measureLoad } from './api-load';
import { openSessions } from './sessions';

/**
 * The writes a busy day brings besides apply: login, a résumé saved, a fair
 * registration, an intent recorded at a booth. Each request is a real write
 * through the API; people come from the generated data.
 */

async function post(options: LoadOptions, path: string, token: string, body: unknown) {
  const response = await fetch(options.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { id: string };
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Sends one request per item of `bodies` in turn (cycling), each with its own token. */
async function postEach(
  options: LoadOptions,
  name: string,
  requests: { path: string; token?: string; body: unknown }[],
): Promise<BenchMetric[]> {
  let next = 0;
  return measureLoad(options, name, () =>
    autocannon({
      url: options.baseUrl,
      connections: options.connections,
      duration: options.durationSeconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const request = requests[next++ % requests.length];
            return {
              ...req,
              path: request.path,
              headers: {
                'content-type': 'application/json',
                ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
              },
              body: JSON.stringify(request.body),
            };
          },
        },
      ],
    }),
  );
}

/**
 * Password logins of the generated seekers in turn (the login rate limit is raised for the
 * run). Only seekers with a password: those registered at the window have none yet, and
 * their wrong-password answers (401) used to count as failed requests.
 */
export async function login(options: LoadOptions): Promise<BenchMetric[]> {
  const cipher = new PiiCipher(Buffer.from(options.piiKey, 'base64'));
  const byIndex = new Map(options.seekerPhones.map((phone) => [cipher.blindIndex(phone), phone]));
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ phone_index: string }>(
      `select phone_index from users where phone_index = any($1) and password_hash is not null`,
      [[...byIndex.keys()]],
    );
    return await postEach(
      options,
      'login',
      rows.map((row) => ({
        path: '/api/auth/login',
        body: { phone: byIndex.get(row.phone_index), password: options.password },
      })),
    );
  } finally {
    await db.end();
  }
}

/** A résumé saved (PATCH /api/seekers/me): skills changed back and forth by as many seekers as connections. */
export async function profileSave(options: LoadOptions): Promise<BenchMetric[]> {
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ user_id: string }>(
      `select user_id from seeker_profiles where anonymised_at is null order by user_id limit $1`,
      [options.connections * 4],
    );
    const tokens = [
      ...(
        await openSessions(
          options,
          rows.map((r) => r.user_id),
        )
      ).values(),
    ];
    const skills = [['焊工', '叉车司机'], ['电工'], ['普工', '质检员']];
    let next = 0;
    return await measureLoad(options, 'profile save', () =>
      autocannon({
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        requests: [
          {
            method: 'PATCH',
            path: '/api/seekers/me',
            setupRequest: (req) => {
              const n = next++;
              return {
                ...req,
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${tokens[n % tokens.length]}`,
                },
                body: JSON.stringify({ skills: skills[Math.floor(n / tokens.length) % 3] }),
              };
            },
          },
        ],
      }),
    );
  } finally {
    await db.end();
  }
}

/**
 * A fair with one employer's booth: seekers register for tickets (each
 * request a new person), then, checked in, meet the booth's recruiter who
 * records an intent per (ticket, vacancy).
 */
export async function fairDay(options: LoadOptions): Promise<BenchMetric[]> {
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const [staff] = (
      await db.query<{ id: string }>(
        `select id from users where role = 'staff' and township_code is null and status = 'active' limit 1`,
      )
    ).rows;
    const [booth] = (
      await db.query<{ employer_id: string; user_id: string; vacancy_ids: string[] }>(
        `select v.employer_id, (select m.user_id from employer_members m
                 where m.employer_id = v.employer_id order by m.user_id limit 1) as user_id,
                (array_agg(v.id order by v.id))[1:10] as vacancy_ids
           from vacancies v join employers e on e.id = v.employer_id
          where v.status = 'published' and e.status = 'verified' and v.expires_at >= current_date
          group by v.employer_id order by count(*) desc, v.employer_id limit 1`,
      )
    ).rows;
    const { rows: seekers } = await db.query<{ user_id: string }>(
      `select user_id from seeker_profiles where anonymised_at is null order by user_id desc limit 6000`,
    );
    const tokens = await openSessions(options, [
      staff.id,
      booth.user_id,
      ...seekers.map((s) => s.user_id),
    ]);
    const staffToken = tokens.get(staff.id)!;
    const recruiterToken = tokens.get(booth.user_id)!;
    const fair = await post(
      options,
      '/api/staff/fairs',
      staffToken,
      fairBody({ title: `测速专场 ${randomBytes(3).toString('hex')}`, boothCount: 50 }),
    );
    await post(options, `/api/staff/fairs/${fair.id}/status`, staffToken, {
      status: 'registration_open',
    });
    const applied = await post(options, `/api/employer/fairs/${fair.id}/booths`, recruiterToken, {
      vacancyIds: booth.vacancy_ids,
    });
    await post(options, `/api/staff/booths/${applied.id}/approve`, staffToken, {});

    const registrations = await postEach(
      options,
      'fair registration',
      seekers.map((s) => ({
        path: `/api/fairs/${fair.id}/registrations`,
        token: tokens.get(s.user_id),
        body: {},
      })),
    );
    // Everyone registered has come in (check-in has its own benchmark: bench:checkin).
    const { rows: tickets } = await db.query<{ ticket_code: string }>(
      `update fair_registrations set checked_in_at = now(), checked_in_by = $2
        where fair_id = $1 returning ticket_code`,
      [fair.id, staff.id],
    );
    await post(options, `/api/staff/fairs/${fair.id}/status`, staffToken, { status: 'ongoing' });
    const intents = await postEach(
      options,
      'booth intent',
      booth.vacancy_ids.flatMap((vacancyId) =>
        tickets.map((t) => ({
          path: `/api/employer/booths/${applied.id}/intents`,
          token: recruiterToken,
          body: { vacancyId, ticketCode: t.ticket_code },
        })),
      ),
    );
    return [...registrations, ...intents];
  } finally {
    await db.end();
  }
}
