import sheetsData from './data/ledger-sheets.json';

/**
 * The bureau's ledgers (台账) an import takes, one worksheet each, named as
 * the bureau names them. "*" marks a required column; each column has a hint
 * and the example value of the template's example row (identifiers with valid
 * check digits, so that row imports as it is).
 */
export const LEDGER_KINDS = [
  'people',
  'employers',
  'posts',
  'fairs',
  'booths',
  'attendees',
  'intents',
  'placements',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerColumn {
  key: string;
  header: string;
  required: boolean;
  hint: string;
  example: string | number;
}

export interface LedgerSheet {
  kind: LedgerKind;
  /** The worksheet's name in the workbook. */
  name: string;
  columns: LedgerColumn[];
}

/** The sheets and their columns are data (data/ledger-sheets.json), in the bureau's order. */
export const LEDGER_SHEETS: LedgerSheet[] = sheetsData.map((sheet) => {
  if (!(LEDGER_KINDS as readonly string[]).includes(sheet.kind))
    throw new Error(`ledger-sheets.json: unknown kind ${sheet.kind}`);
  return sheet as LedgerSheet;
});

export const SHEET_OF_KIND = new Map(LEDGER_SHEETS.map((s) => [s.kind, s]));

/** "身份证号*" / "身份证号（必填）" / " 身份证号 " all name the same column. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[*\s]/g, '')
    .replace(/\(.*?\)|（.*?）/g, '');
}
