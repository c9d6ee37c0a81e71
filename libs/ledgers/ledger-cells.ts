import { DECLARED_KEY_GROUPS, KEY_GROUP_NAMES, KEY_GROUPS, KeyGroup } from '@jipin/core';

/**
 * Reading one cell of a ledger. Each reader returns the value or pushes a
 * reason (in Chinese, naming the column) onto the row's problems.
 */
export class CellReader {
  readonly problems: string[] = [];

  constructor(private readonly cells: Record<string, string>) {}

  text(key: string, header: string, required: boolean, max = 100): string {
    const value = (this.cells[key] ?? '').trim();
    if (!value && required) this.problems.push(`${header}：必填`);
    else if (value.length > max) this.problems.push(`${header}：不能超过${max}个字`);
    return value;
  }

  /** YYYY-MM-DD from 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 or an Excel date number. */
  date(key: string, header: string, required: boolean): string | null {
    const value = this.text(key, header, required);
    if (!value) return null;
    const date = parseDate(value);
    if (!date)
      this.problems.push(`${header}：“${value.slice(0, 20)}”不是日期，应写成如 2025-03-01`);
    return date;
  }

  integer(key: string, header: string, required: boolean, min = 0): number | null {
    const value = this.text(key, header, required);
    if (!value) return null;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > 1_000_000) {
      this.problems.push(`${header}：应为不小于${min}的整数`);
      return null;
    }
    return n;
  }

  amount(key: string, header: string, required: boolean): number | null {
    const value = this.text(key, header, required);
    if (!value) return null;
    const n = Number(value.replace(/[,，元]/g, ''));
    if (!Number.isFinite(n) || n < 0 || n > 10_000_000) {
      this.problems.push(`${header}：应为不小于0的数字`);
      return null;
    }
    return Math.round(n * 100) / 100;
  }

  choice<T extends string>(
    key: string,
    header: string,
    required: boolean,
    names: Record<string, T>,
  ): T | null {
    const value = this.text(key, header, required);
    if (!value) return null;
    const found = names[value];
    if (!found)
      this.problems.push(
        `${header}：“${value.slice(0, 20)}”不在可选值中（${Object.keys(names).join('、')}）`,
      );
    return found ?? null;
  }

  list(key: string, header: string, required: boolean): string[] {
    return this.text(key, header, required, 500)
      .split(/[、,，;；/\s]+/)
      .filter(Boolean);
  }

  /** Key groups by Chinese name or code. */
  keyGroups(key: string, header: string, declaredOnly = false): KeyGroup[] {
    const groups: KeyGroup[] = [];
    for (const item of this.list(key, header, false)) {
      const code = KEY_GROUP_OF_NAME.get(item);
      if (!code) this.problems.push(`${header}：“${item.slice(0, 20)}”不是重点群体`);
      else if (!declaredOnly || (DECLARED_KEY_GROUPS as readonly string[]).includes(code))
        groups.push(code);
    }
    return [...new Set(groups)];
  }

  problem(reason: string): void {
    this.problems.push(reason);
  }
}

const KEY_GROUP_OF_NAME = new Map<string, KeyGroup>([
  ...KEY_GROUPS.map((code) => [code, code] as [string, KeyGroup]),
  ...KEY_GROUPS.map((code) => [KEY_GROUP_NAMES[code], code] as [string, KeyGroup]),
  ['脱贫人员', 'poverty_alleviated'],
  ['监测人员', 'monitored'],
  ['防返贫监测对象', 'monitored'],
  ['高校毕业生', 'graduate'],
]);

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function parseDate(value: string): string | null {
  let y: number, m: number, d: number;
  const parts = value.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (parts) [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  else if (/^\d{5}(\.\d+)?$/.test(value)) {
    const date = new Date(EXCEL_EPOCH + Math.floor(Number(value)) * 86400000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
