import { newWorkbook } from '@jipin/core';
import { UNIT_LABELS } from './indicators';
import { IndicatorValue, OccupationSupplyDemand } from './statistics.service';

export interface StatisticsReport {
  title: string;
  periodLabel: string;
  placeLabel: string;
  indicators: IndicatorValue[];
  byTownship: { townshipName: string; indicators: IndicatorValue[] }[];
  occupations: OccupationSupplyDemand[];
  text: string;
}

const MAIN_HEADER = ['序号', '指标', '单位', '本期完成', '年度目标', '完成率(%)'];

function mainRows(indicators: IndicatorValue[]): (string | number)[][] {
  return indicators.map((i, n) => [
    n + 1,
    i.name,
    UNIT_LABELS[i.unit],
    i.value ?? '—',
    i.target ?? '—',
    i.completionRate ?? '—',
  ]);
}

/** The workbook staff hand to their superiors: main table, by township, supply and demand, summary text. */
export async function statisticsWorkbook(report: StatisticsReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = '即聘';
  const main = workbook.addWorksheet('主要指标');
  main.addRow([report.title]).font = { bold: true, size: 14 };
  main.addRow([`统计期间：${report.periodLabel}　范围：${report.placeLabel}`]);
  main.addRow(MAIN_HEADER).font = { bold: true };
  for (const row of mainRows(report.indicators)) main.addRow(row);
  main.columns.forEach((column, i) => (column.width = [6, 28, 6, 12, 12, 12][i]));

  const townships = workbook.addWorksheet('分乡镇');
  const names = report.indicators.map((i) => i.name);
  townships.addRow(['乡镇（街道）', ...names]).font = { bold: true };
  for (const t of report.byTownship)
    townships.addRow([t.townshipName, ...t.indicators.map((i) => i.value ?? '—')]);

  const occupations = workbook.addWorksheet('求人倍率');
  occupations.addRow(['职业代码', '职业', '需求人数', '求职人数', '求人倍率']).font = {
    bold: true,
  };
  for (const o of report.occupations)
    occupations.addRow([o.code, o.name, o.demand, o.supply, o.ratio ?? '—']);

  const text = workbook.addWorksheet('文字说明');
  text.addRow([report.text]);
  text.getColumn(1).width = 120;
  text.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The main table as CSV, UTF-8 with a BOM so Excel opens the Chinese correctly. */
export function statisticsCsv(report: StatisticsReport): Buffer {
  const lines = [MAIN_HEADER, ...mainRows(report.indicators)].map((row) =>
    row.map(csvCell).join(','),
  );
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}
