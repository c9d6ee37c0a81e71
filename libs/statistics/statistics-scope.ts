import { KeyGroup } from '@jipin/seekers';

/** What a figure is asked for: a period (dates inclusive, China time), maybe one township and one key group. */
export interface StatisticsScope {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
  townshipCode?: string;
  keyGroup?: KeyGroup;
}

/** Positional parameters for one query, so each condition adds its own $n. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The period as [start, end) instants at China midnight, for timestamptz columns. */
export function periodBounds(scope: StatisticsScope, params: SqlParams): [string, string] {
  const start = params.add(scope.from);
  const end = params.add(scope.to);
  return [
    `(${start}::date::timestamp at time zone 'Asia/Shanghai')`,
    `((${end}::date + 1)::timestamp at time zone 'Asia/Shanghai')`,
  ];
}
