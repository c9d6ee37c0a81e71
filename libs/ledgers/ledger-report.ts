import { ErrorDetail } from '@jipin/core';
import { LEDGER_KINDS, LedgerKind, SHEET_OF_KIND } from './ledger-sheets';

export type ImportMode = 'all_or_nothing' | 'row_by_row';
export type LedgerCounts = Record<LedgerKind, number>;

/** One bad row, as the person who filled in the ledger finds it: sheet, line, reasons. */
export interface LedgerRowError {
  sheet: string;
  line: number;
  reasons: string[];
  message: string;
}

export interface LedgerImportReport {
  importId: string;
  mode: ImportMode;
  /** Rows read per ledger. */
  rows: LedgerCounts;
  /** Records new to the platform per ledger. */
  created: LedgerCounts;
  /** Rows whose record the platform already had (an earlier upload, or registered on the platform). */
  existing: LedgerCounts;
  errors: LedgerRowError[];
  durationMs: number;
}

export const emptyCounts = (): LedgerCounts =>
  Object.fromEntries(LEDGER_KINDS.map((k) => [k, 0])) as LedgerCounts;

/** Collects bad rows; a row has one entry however many of its cells are wrong. */
export class RowErrors {
  private readonly byRow = new Map<string, LedgerRowError>();

  add(kind: LedgerKind, line: number, ...reasons: string[]): void {
    const sheet = SHEET_OF_KIND.get(kind)!.name;
    const key = `${kind}:${line}`;
    const entry = this.byRow.get(key) ?? { sheet, line, reasons: [], message: '' };
    entry.reasons.push(...reasons);
    entry.message = `${sheet}第${line}行：${entry.reasons.join('；')}`;
    this.byRow.set(key, entry);
  }

  has(kind: LedgerKind, line: number): boolean {
    return this.byRow.has(`${kind}:${line}`);
  }

  get size(): number {
    return this.byRow.size;
  }

  /** In the order of the ledgers, then of the lines. */
  list(): LedgerRowError[] {
    const order = (sheet: string) =>
      LEDGER_KINDS.findIndex((k) => SHEET_OF_KIND.get(k)!.name === sheet);
    return [...this.byRow.values()].sort(
      (a, b) => order(a.sheet) - order(b.sheet) || a.line - b.line,
    );
  }

  details(limit = 500): ErrorDetail[] {
    return this.list()
      .slice(0, limit)
      .map((e) => ({ sheet: e.sheet, line: e.line, reasons: e.reasons, message: e.message }));
  }
}
