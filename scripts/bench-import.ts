/**
 * Ledger import: a generated year of a county's 台账 (5,000 people, 48 fairs,
 * 300 employers and their posts, booths, attendees, intents, placements) in
 * one .xlsx, uploaded through the HTTP API of a real API on its own test
 * database. Prints the upload's wall time (parse, checks and writes), the
 * second upload of the same file (nothing new), and the machine's load.
 *
 *   npm run build && npm run bench:import
 *   BENCH_PEOPLE=5000 BENCH_FAIRS=48 BENCH_EMPLOYERS=300 (defaults)
 */
import { loadavg } from 'node:os';
import { RegionsService } from '@jipin/regions';
import { createStaffUser, TestApi, uploadFile } from '@jipin/testing';
import { generateLedgerYear, ledgerWorkbook } from './ledger/ledger-year';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5000);
const FAIRS = Number(process.env.BENCH_FAIRS ?? 48);
const EMPLOYERS = Number(process.env.BENCH_EMPLOYERS ?? 300);

async function main(): Promise<void> {
  const api = await TestApi.start('bench_import');
  try {
    const staff = await createStaffUser(api);
    const townships = api.app.get(RegionsService).allTownships();
    const year = generateLedgerYear({
      year: new Date().getFullYear() - 1,
      people: PEOPLE,
      fairs: FAIRS,
      employers: EMPLOYERS,
      townships,
    });
    const file = await ledgerWorkbook(year.rows);
    const rows = Object.values(year.rows).reduce((sum, list) => sum + list.length, 0);
    const upload = async () => {
      const started = performance.now();
      const res = await uploadFile(
        api,
        '/api/staff/ledger-imports?mode=all_or_nothing',
        file,
        'ledgers.xlsx',
        staff.token,
      );
      if (res.status !== 201)
        throw new Error(`import failed: ${JSON.stringify(res.body).slice(0, 500)}`);
      return (performance.now() - started) / 1000;
    };
    const first = await upload();
    const again = await upload();
    const load = loadavg().map((l) => l.toFixed(2));
    console.log(
      `ledger import: ${PEOPLE} people, ${FAIRS} fairs, ${rows} rows, ${(file.length / 1024 / 1024).toFixed(2)} MB`,
    );
    console.log(`  first upload ${first.toFixed(1)} s, same file again ${again.toFixed(1)} s`);
    console.log(`  load average ${load.join(' ')}`);
    console.log(
      `BENCH_RESULT ${JSON.stringify({ name: 'ledger-import', people: PEOPLE, fairs: FAIRS, rows, firstSeconds: Number(first.toFixed(1)), againSeconds: Number(again.toFixed(1)), load })}`,
    );
  } finally {
    await api.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
