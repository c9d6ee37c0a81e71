import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { hashPassword } from '@jipin/accounts';
import { AppConfig, dataSourceOptions, PiiCipher } from '@jipin/core';
import { markAllAsDemo } from '@jipin/demo-data';
import { seedDemoEmployers } from './seed-demo-employers';
import { seedDemoFairs } from './seed-demo-fairs';
import { DEMO_SEEKERS, seedDemoSeekers } from './seed-demo-seekers';

export const DEMO_PASSWORD = 'Jipin2026';

export const DEMO_ACCOUNTS = [
  { phone: '13800000001', name: '系统管理员', role: 'admin', townshipCode: null },
  { phone: '13800000002', name: '县人社局 张科长', role: 'staff', townshipCode: null },
  {
    phone: '13800000003',
    name: '阜田镇就业窗口 刘干事',
    role: 'staff',
    townshipCode: '360822101000',
  },
] as const;

/**
 * Demo data goes only where it cannot mix with a bureau's records: the embedded
 * (try-it-out) database, or wherever SEED_DEMO_DATA=true says so explicitly.
 * A configured DATABASE_URL is production unless that flag is set.
 */
export function demoDataWanted(
  config: Pick<AppConfig, 'database'>,
  flag = process.env.SEED_DEMO_DATA,
): boolean {
  if (flag === 'true') return true;
  if (flag === 'false') return false;
  return !config.database.url;
}

/**
 * Loads demo data when wanted and the database has no users yet, marked as demo
 * (demo_records); returns the lines to print for the person who started the
 * platform, or undefined when skipped.
 */
export async function seedDemoDataOnFirstRun(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  wanted = demoDataWanted(config),
): Promise<string[] | undefined> {
  if (!wanted) return undefined;
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const [{ count }] = await dataSource.query(`select count(*)::int as count from users`);
    if (count > 0) return undefined;
    const cipher = new PiiCipher(config.privacy.piiKey);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    let employerLines: string[] = [];
    await dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (const account of DEMO_ACCOUNTS) {
        const [row] = await manager.query(
          `insert into users (phone_index, phone_cipher, password_hash, role, name, township_code) values ($1, $2, $3, $4, $5, $6) returning id`,
          [
            cipher.blindIndex(account.phone),
            cipher.encrypt(account.phone),
            passwordHash,
            account.role,
            account.name,
            account.townshipCode,
          ],
        );
        ids.push(row.id);
      }
      employerLines = await seedDemoEmployers(manager, cipher, passwordHash, ids[1]);
      await seedDemoSeekers(manager, cipher, passwordHash);
      await seedDemoFairs(manager, ids[1]);
      await markAllAsDemo(manager);
    });
    logger.info({ accounts: DEMO_ACCOUNTS.length }, 'demo data loaded');
    return [
      'Demo data loaded (staff can remove it: 演示数据 page, DELETE /api/staff/demo-data).',
      `Demo accounts (password ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map(
        (account) => `  ${account.phone}  ${account.role.padEnd(6)} ${account.name}`,
      ),
      ...employerLines,
      ...DEMO_SEEKERS.map(
        (s) =>
          `  ${s.phone}  seeker ${s.name}${s.claimed ? '' : '（窗口代录，未认领：用短信验证码认领）'}`,
      ),
    ];
  } finally {
    await dataSource.destroy();
  }
}
