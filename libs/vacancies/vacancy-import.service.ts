import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Principal, staffCovers } from '@jipin/accounts';
import { forbidden, notFound, unprocessable } from '@jipin/core';
import { EmployerEntity, EmployerService } from '@jipin/employers';
import { RegionsService } from '@jipin/regions';
import { VacancyEntity } from './entities/vacancy.entity';
import { HEADER_OF_FIELD } from './import/import-columns';
import { buildImportTemplate } from './import/import-template';
import { rowToInput } from './import/row-to-input';
import { readVacancySheet, SheetRow } from './import/vacancy-sheet';
import { RuleFinding } from './review/review-rules';
import { VacancyInput } from './vacancy-input';
import { VacancyService } from './vacancy.service';
import { VacancyWorkflow } from './vacancy-workflow';

export type ImportMode = 'all_or_nothing' | 'row_by_row';

export interface ImportRowError {
  line: number;
  reasons: string[];
}

export interface ImportReport {
  mode: ImportMode;
  totalRows: number;
  imported: number;
  published: number;
  pendingReview: number;
  /** Rows already imported by an earlier upload (or repeated in this file): skipped. */
  duplicates: number;
  errors: ImportRowError[];
  vacancyIds: string[];
}

interface GoodRow {
  line: number;
  input: VacancyInput;
  holds: RuleFinding[];
  key: string;
}

/**
 * Bulk upload of vacancies from .xlsx or .csv. Each row passes the same checks
 * as the form; a row's key (its external number, or a hash of its content)
 * makes a second upload of the same file create nothing new.
 */
@Injectable()
export class VacancyImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employers: EmployerService,
    private readonly vacancies: VacancyService,
    private readonly workflow: VacancyWorkflow,
    private readonly regions: RegionsService,
  ) {}

  template(): Promise<Buffer> {
    return buildImportTemplate(this.regions.allTownships());
  }

  /** A recruiter imports for their own employer. */
  async importForOwnEmployer(
    userId: string,
    file: Buffer,
    mode: ImportMode,
  ): Promise<ImportReport> {
    const { employer } = await this.employers.membership(userId);
    return this.run(employer, userId, file, mode);
  }

  /** Staff import on behalf of an employer they serve (e.g. the sheets collected for a fair). */
  async importForEmployer(
    staff: Principal,
    employerId: string,
    file: Buffer,
    mode: ImportMode,
  ): Promise<ImportReport> {
    const employer = await this.employers.findById(employerId);
    if (!employer || !staffCovers(staff, employer.townshipCode)) throw notFound('用人单位');
    return this.run(employer, staff.userId, file, mode);
  }

  private async run(
    employer: EmployerEntity,
    actor: string,
    file: Buffer,
    mode: ImportMode,
  ): Promise<ImportReport> {
    if (employer.status === 'suspended')
      throw forbidden('employer_suspended', '该单位已被暂停招聘，暂不能导入岗位');
    const rows = await readVacancySheet(file);
    const errors: ImportRowError[] = [];
    const good: GoodRow[] = [];
    for (const row of rows) {
      const checked = this.checkRow(row);
      if ('reasons' in checked) errors.push({ line: row.line, reasons: checked.reasons });
      else good.push({ ...checked, line: row.line, key: importKey(employer.id, row) });
    }
    if (mode === 'all_or_nothing' && errors.length)
      throw unprocessable(
        'import_has_errors',
        `文件中有 ${errors.length} 行有误，未导入任何岗位；请修改后重新上传`,
        errors.map((e) => ({
          line: e.line,
          message: `第${e.line}行：${e.reasons.join('；')}`,
          reasons: e.reasons,
        })),
      );

    const existing = new Set(
      good.length
        ? (
            await this.dataSource.getRepository(VacancyEntity).find({
              select: { importKey: true },
              where: { importKey: In(good.map((g) => g.key)) },
            })
          ).map((v) => v.importKey)
        : [],
    );
    const fresh: GoodRow[] = [];
    for (const row of good) {
      if (existing.has(row.key)) continue;
      existing.add(row.key);
      fresh.push(row);
    }
    const created: VacancyEntity[] = [];
    if (mode === 'all_or_nothing') {
      await this.dataSource.transaction(async (manager) => {
        for (const row of fresh)
          created.push(
            await this.vacancies.insert(
              manager,
              employer,
              row.input,
              row.holds,
              actor,
              true,
              row.key,
            ),
          );
      });
    } else {
      for (const row of fresh) {
        try {
          created.push(
            await this.dataSource.transaction((manager) =>
              this.vacancies.insert(manager, employer, row.input, row.holds, actor, true, row.key),
            ),
          );
        } catch (error) {
          // Same row uploaded twice at the same moment: the other upload has it.
          if ((error as { code?: string }).code !== '23505') throw error;
        }
      }
    }
    return {
      mode,
      totalRows: rows.length,
      imported: created.length,
      published: created.filter((v) => v.status === 'published').length,
      pendingReview: created.filter((v) => v.status === 'pending_review').length,
      duplicates: good.length - created.length,
      errors,
      vacancyIds: created.map((v) => v.id),
    };
  }

  private checkRow(
    row: SheetRow,
  ): { input: VacancyInput; holds: RuleFinding[] } | { reasons: string[] } {
    const { input, problems } = rowToInput(row, (value) => this.townshipCode(value));
    const check = this.workflow.check(input);
    const reasons = [
      ...problems,
      ...check.problems
        .filter((p) => !problems.some((q) => q.startsWith(HEADER_OF_FIELD[p.field ?? ''] ?? '?')))
        .map((p) => `${HEADER_OF_FIELD[p.field ?? ''] ?? p.field}：${p.message}`),
      ...check.refusals.map((f) => `${HEADER_OF_FIELD[f.field] ?? f.field}：${f.message}`),
    ];
    return reasons.length ? { reasons } : { input, holds: check.holds };
  }

  private townshipCode(value: string): string | undefined {
    return this.regions.allTownships().find((t) => t.code === value || t.name === value)?.code;
  }
}

/** The external number when given, else the row's content: the same row gives the same key. */
function importKey(employerId: string, row: SheetRow): string {
  const { externalKey, ...content } = row.cells;
  const identity = externalKey
    ? `ext:${externalKey}`
    : JSON.stringify(Object.entries(content).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(`${employerId}\n${identity}`).digest('hex');
}
