import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { DATA_SIZES, generateData } from './datagen/generate';
import { REPO_ROOT } from '@jipin/core';

/**
 * npm run generate:data -- --size county --seed 1 --database-url postgres://…/db [--pii-key base64]
 *
 * Fills an empty, migrated database with realistic employers, vacancies and
 * seekers. The PII key must be the one the API will run with (PII_KEY), or it
 * cannot decrypt the phones and ID numbers.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'county' },
      seed: { type: 'string', default: '1' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      'pii-key': { type: 'string', default: process.env.PII_KEY },
      password: { type: 'string', default: 'Jipin2026ok' },
      'as-of': { type: 'string' },
      vacancies: { type: 'string' },
      seekers: { type: 'string' },
      employers: { type: 'string' },
    },
  });
  const base = DATA_SIZES[values.size!];
  if (!base) throw new Error(`--size must be one of ${Object.keys(DATA_SIZES).join(', ')}`);
  if (!values['database-url']) throw new Error('--database-url (or DATABASE_URL) is required');
  if (!values['pii-key'])
    throw new Error('--pii-key (or PII_KEY) is required: the key the API runs with');
  const size = {
    employers: Number(values.employers ?? base.employers),
    vacancies: Number(values.vacancies ?? base.vacancies),
    seekers: Number(values.seekers ?? base.seekers),
  };
  const started = Date.now();
  const report = await generateData({
    databaseUrl: values['database-url'],
    size,
    seed: values.seed!,
    piiKey: Buffer.from(values['pii-key'], 'base64'),
    password: values.password!,
    regionsFile:
      process.env.REGIONS_FILE ?? join(REPO_ROOT, 'libs', 'regions', 'data', '360822-jishui.json'),
    asOf: values['as-of'],
    log: (line) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`),
  });
  console.log(
    JSON.stringify({ size, totalSeconds: (Date.now() - started) / 1000, ...report }, null, 2),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
