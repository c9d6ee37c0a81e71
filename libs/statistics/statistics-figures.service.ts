import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { forbidden, invalid } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { INDICATOR_BY_CODE, IndicatorCode } from './indicators';

/** Reference figures the records cannot know, e.g. the labour force the unemployment rate divides by. */
export const REFERENCE_FIGURES = { labour_force: '劳动力人数（登记失业率的分母）' } as const;
export type ReferenceFigure = keyof typeof REFERENCE_FIGURES;

export interface FigureInput {
  year: number;
  indicator: IndicatorCode | ReferenceFigure;
  kind: 'target' | 'reference';
  townshipCode?: string;
  value: number;
}

/** Yearly targets and reference figures, entered by county staff; the records give the rest. */
@Injectable()
export class StatisticsFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async targets(year: number, townshipCode?: string): Promise<Map<IndicatorCode, number>> {
    const rows: { indicator: IndicatorCode; value: string }[] = await this.dataSource.query(
      `select indicator, value from statistics_figures
        where year = $1 and kind = 'target' and township_code = $2`,
      [year, townshipCode ?? ''],
    );
    return new Map(rows.map((r) => [r.indicator, Number(r.value)]));
  }

  async list(year: number): Promise<FigureInput[]> {
    const rows: { indicator: string; kind: string; township_code: string; value: string }[] =
      await this.dataSource.query(
        `select indicator, kind, township_code, value from statistics_figures
          where year = $1 order by kind, township_code, indicator`,
        [year],
      );
    return rows.map((r) => ({
      year,
      indicator: r.indicator as FigureInput['indicator'],
      kind: r.kind as FigureInput['kind'],
      townshipCode: r.township_code || undefined,
      value: Number(r.value),
    }));
  }

  /** Setting a figure again replaces it; the latest entry and who made it are kept. */
  async set(principal: Principal, input: FigureInput): Promise<FigureInput> {
    if (principal.role === 'staff' && principal.townshipCode)
      throw forbidden('county_staff_only', '年度目标由县级工作人员录入');
    if (input.kind === 'target') {
      const indicator = INDICATOR_BY_CODE.get(input.indicator as IndicatorCode);
      if (!indicator?.targeted)
        throw invalid('not_targeted', '该指标没有年度目标', [
          { field: 'indicator', message: '请选择有年度目标的指标' },
        ]);
    } else if (!(input.indicator in REFERENCE_FIGURES)) {
      throw invalid('unknown_reference', '参考数据项不存在', [
        { field: 'indicator', message: `可选：${Object.keys(REFERENCE_FIGURES).join('、')}` },
      ]);
    }
    if (input.townshipCode) this.regions.assertTownship(input.townshipCode);
    await this.dataSource.query(
      `insert into statistics_figures (year, indicator, kind, township_code, value, set_by)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (year, indicator, kind, township_code)
       do update set value = excluded.value, set_by = excluded.set_by, set_at = now()`,
      [
        input.year,
        input.indicator,
        input.kind,
        input.townshipCode ?? '',
        input.value,
        principal.userId,
      ],
    );
    return input;
  }
}
