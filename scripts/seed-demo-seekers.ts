import { EntityManager } from 'typeorm';
import { PiiCipher, withIdCheckDigit } from '@jipin/core';

/** Demo job seekers: self-registered ones and one registered at the window (代录) not yet claimed. */
export const DEMO_SEEKERS = [
  {
    phone: '13800000021',
    name: '陈秀英',
    id17: '36082219830412002', // woman, 4050 from 2023
    household: 'rural',
    township: '360822101000',
    village: '360822101201',
    status: 'unemployed',
    skills: ['保洁', '缝纫工'],
    education: [],
    claimed: true,
  },
  {
    phone: '13800000022',
    name: '刘子豪',
    id17: '36082220020915003', // young man, bachelor 2024: graduate within two years
    household: 'urban',
    township: '360822100000',
    village: null,
    status: 'unemployed',
    skills: ['Excel', 'C1驾照'],
    education: [
      { level: 'bachelor', school: '井冈山大学', major: '会计学', graduationDate: '2024-06-30' },
    ],
    claimed: true,
  },
  {
    phone: '13800000023',
    name: '王德发',
    id17: '36082219720301001', // man over 50, registered by the 阜田 window, not claimed yet
    household: 'rural',
    township: '360822101000',
    village: '360822101202',
    status: 'unemployed',
    skills: ['焊工', '叉车司机'],
    education: [],
    claimed: false,
  },
] as const;

export async function seedDemoSeekers(
  manager: EntityManager,
  cipher: PiiCipher,
  passwordHash: string,
): Promise<void> {
  const [window] = await manager.query(
    `select id from users where role = 'staff' and township_code = '360822101000' limit 1`,
  );
  for (const seeker of DEMO_SEEKERS) {
    const idNumber = withIdCheckDigit(seeker.id17);
    const [user] = await manager.query(
      `insert into users (phone_index, phone_cipher, password_hash, role, name) values ($1, $2, $3, 'seeker', $4) returning id`,
      [
        cipher.blindIndex(seeker.phone),
        cipher.encrypt(seeker.phone),
        seeker.claimed ? passwordHash : null,
        seeker.name,
      ],
    );
    const assisted = !seeker.claimed && window;
    await manager.query(
      `insert into seeker_profiles (user_id, name, gender, birth_date, id_number_cipher, id_number_index,
         household, township_code, village_code, education, first_college_graduation_date, skills,
         desired_townships, employment_status, registered_by, consent_method, consent_reference,
         consent_recorded_by, consent_recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $15, $18)`,
      [
        user.id,
        seeker.name,
        Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
        `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        cipher.encrypt(idNumber),
        cipher.blindIndex(idNumber),
        seeker.household,
        seeker.township,
        seeker.village,
        JSON.stringify(seeker.education),
        seeker.education[0]?.graduationDate ?? null,
        seeker.skills,
        [seeker.township],
        seeker.status,
        assisted ? window.id : null,
        assisted ? 'signed_paper' : null,
        assisted ? '阜田镇代录演示-001' : null,
        assisted ? new Date() : null,
      ],
    );
  }
}
