import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { phonesInUse, Principal } from '@jipin/accounts';
import { DomainError, forbidden, OutboxService, PiiCipher, unprocessable } from '@jipin/core';
import { findLedgerEmployers } from '@jipin/employers';
import { findLedgerFairs, takenBoothNumbers } from '@jipin/fairs';
import { RegionsService } from '@jipin/regions';
import { chinaToday, findLedgerPeople } from '@jipin/seekers';
import { findLedgerPosts, ledgerPostKey } from '@jipin/vacancies';
import { LedgerImportEntity } from './ledger-import.entity';
import { CheckedLedgers, ExistingRecords, planLedgers } from './ledger-plan';
import { emptyCounts, ImportMode, LedgerImportReport, RowErrors } from './ledger-report';
import { checkRow, LedgerLine, RowContext } from './ledger-rows';
import { LEDGER_KINDS } from './ledger-sheets';
import { readLedgerWorkbook } from './ledger-workbook';
import { writeLedgers } from './ledger-writer';

/** Links whose rows may already be on the platform, counted after writing. */
const LINK_KINDS = ['booths', 'attendees', 'intents', 'placements'] as const;

/** One import at a time: the second waits, then finds what the first wrote. */
const IMPORT_LOCK = 'select pg_advisory_xact_lock(hashtext($1))';

/**
 * Import of the bureau's existing ledgers (台账): people, employers, posts,
 * fairs with their booths and attendees, intents and placements, back-dated
 * to their own dates. Each record is known again by its natural key (ID
 * number, credit code, employer + post number, fair number), so the same file
 * uploaded twice changes nothing the second time. Each lib writes its own
 * tables through the functions it exports; this service only decides.
 */
@Injectable()
export class LedgerImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly outbox: OutboxService,
    private readonly regions: RegionsService,
    @InjectRepository(LedgerImportEntity) private readonly audit: Repository<LedgerImportEntity>,
  ) {}

  /** Refuses a township window before its upload is even read. */
  assertMayImport(actor: Principal): void {
    assertCountyWide(actor);
  }

  async import(
    actor: Principal,
    file: { filename: string; data: Buffer },
    mode: ImportMode,
  ): Promise<LedgerImportReport> {
    assertCountyWide(actor);
    const started = Date.now();
    const record = (
      outcome: 'imported' | 'refused',
      report?: Partial<LedgerImportReport>,
      errorCount = 0,
    ) =>
      this.audit.save(
        this.audit.create({
          actorUserId: actor.userId,
          actorRole: actor.role,
          fileName: file.filename.slice(0, 255),
          fileSha256: createHash('sha256').update(file.data).digest('hex'),
          mode,
          outcome,
          created: report?.created ?? {},
          existing: report?.existing ?? {},
          errorCount,
          durationMs: Date.now() - started,
        }),
      );
    try {
      const lines = await readLedgerWorkbook(file.data);
      const report = await this.dataSource.transaction((manager) =>
        this.run(manager, actor, lines, mode),
      );
      const saved = await record('imported', report, report.errors.length);
      return { ...report, importId: saved.id, durationMs: Date.now() - started };
    } catch (error) {
      if (error instanceof DomainError) await record('refused', undefined, error.details.length);
      throw error;
    }
  }

  /** The imports staff made, newest first: the audit trail. */
  history(actor: Principal, limit = 50): Promise<LedgerImportEntity[]> {
    assertCountyWide(actor);
    return this.audit.find({ order: { createdAt: 'DESC' }, take: Math.min(limit, 200) });
  }

  private async run(
    manager: EntityManager,
    actor: Principal,
    lines: LedgerLine[],
    mode: ImportMode,
  ): Promise<Omit<LedgerImportReport, 'importId'>> {
    await manager.query(IMPORT_LOCK, ['ledger-import']);
    const today = chinaToday();
    const errors = new RowErrors();
    const badKeys = new Map<string, number>();
    const checked = this.checkRows(
      lines,
      { today, townshipCode: (v) => this.townshipCode(v) },
      errors,
      badKeys,
    );
    const existing = await this.existing(manager, checked);
    const plan = planLedgers(checked, existing, errors, badKeys);
    if (mode === 'all_or_nothing' && errors.size)
      throw unprocessable(
        'import_has_errors',
        `台账中有 ${errors.size} 行有误，未导入任何数据；请按提示修改后重新上传`,
        errors.details(),
      );
    const deps = { cipher: this.cipher, outbox: this.outbox };
    const created = await writeLedgers(deps, manager, actor, plan, existing, today);
    const rows = emptyCounts();
    for (const line of lines) rows[line.kind]++;
    const known = { ...plan.existing };
    for (const kind of LINK_KINDS) known[kind] = plan[kind].length - created[kind];
    return { mode, rows, created, existing: known, errors: errors.list(), durationMs: 0 };
  }

  private checkRows(
    lines: LedgerLine[],
    ctx: RowContext,
    errors: RowErrors,
    badKeys: Map<string, number>,
  ): CheckedLedgers {
    const checked = Object.fromEntries(
      LEDGER_KINDS.map((k) => [k, []]),
    ) as unknown as CheckedLedgers;
    for (const line of lines) {
      const result = checkRow(line, ctx);
      if ('problems' in result) {
        errors.add(line.kind, line.line, ...result.problems);
        const key = keyOfBadRow(line);
        if (key && !badKeys.has(key)) badKeys.set(key, line.line);
      } else
        (checked[line.kind] as { line: number; value: unknown }[]).push({
          line: line.line,
          value: result.value,
        });
    }
    return checked;
  }

  private async existing(manager: EntityManager, rows: CheckedLedgers): Promise<ExistingRecords> {
    const ids = new Set<string>();
    for (const list of [rows.people, rows.attendees, rows.intents, rows.placements])
      for (const { value } of list) ids.add(value.idNumber);
    const codes = new Set<string>();
    for (const list of [rows.employers, rows.posts, rows.booths, rows.intents, rows.placements])
      for (const { value } of list) codes.add(value.creditCode);
    const postKeys = new Set<string>();
    for (const list of [rows.posts, rows.intents, rows.placements])
      for (const { value } of list) postKeys.add(ledgerPostKey(value.creditCode, value.postNumber));
    for (const { value } of rows.booths)
      for (const n of value.postNumbers) postKeys.add(ledgerPostKey(value.creditCode, n));
    const fairNumbers = new Set<string>();
    for (const { value } of rows.fairs) fairNumbers.add(value.number);
    for (const list of [rows.booths, rows.attendees, rows.intents])
      for (const { value } of list) if (value.fairNumber) fairNumbers.add(value.fairNumber);
    const phones = rows.people.map((p) => p.value.phone).filter((p): p is string => Boolean(p));
    const fairs = await findLedgerFairs(manager, [...fairNumbers]);
    return {
      people: await findLedgerPeople(manager, this.cipher, [...ids]),
      phonesInUse: await phonesInUse(manager, this.cipher, phones),
      employers: await findLedgerEmployers(manager, [...codes]),
      posts: await findLedgerPosts(manager, [...postKeys]),
      fairs,
      boothNumbers: await takenBoothNumbers(
        manager,
        [...fairs.values()].map((f) => f.id),
      ),
    };
  }

  private townshipCode(value: string): string | undefined {
    return this.regions.allTownships().find((t) => t.code === value || t.name === value)?.code;
  }
}

/** The ledgers hold the whole county: a township window imports nothing of others. */
function assertCountyWide(actor: Principal): void {
  if (actor.role !== 'admin' && !(actor.role === 'staff' && !actor.townshipCode))
    throw forbidden(
      'ledger_import_county_only',
      '台账导入须由县级工作人员操作，乡镇窗口工作人员不能导入',
    );
}

/** The natural key a bad row would have had, so rows naming it are told why they fail. */
function keyOfBadRow(line: LedgerLine): string | undefined {
  const c = line.cells;
  const up = (v?: string) => (v ?? '').trim().toUpperCase();
  switch (line.kind) {
    case 'people':
      return up(c.idNumber) ? `person:${up(c.idNumber)}` : undefined;
    case 'employers':
      return up(c.creditCode) ? `employer:${up(c.creditCode)}` : undefined;
    case 'posts':
      return up(c.creditCode) && c.postNumber?.trim()
        ? `post:${ledgerPostKey(up(c.creditCode), c.postNumber.trim())}`
        : undefined;
    case 'fairs':
      return c.number?.trim() ? `fair:${c.number.trim()}` : undefined;
    default:
      return undefined;
  }
}
