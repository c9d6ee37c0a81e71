import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FigureInput,
  INDICATOR_CODES,
  type IndicatorCode,
  type IndicatorUnit,
  IndicatorValue,
  MonthlyPoint,
  OccupationSupplyDemand,
  REFERENCE_FIGURES,
  ReferenceFigure,
} from '@jipin/statistics';
import { EnumField, Nullable } from './response-fields';

export class IndicatorValueDto implements IndicatorValue {
  @EnumField(INDICATOR_CODES, 'IndicatorCode') code: IndicatorCode;
  @ApiProperty() name: string;
  @EnumField(['people', 'posts', 'fairs', 'vacancies', 'percent', 'ratio'], 'IndicatorUnit')
  unit: IndicatorUnit;
  @Nullable(Number) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '年度目标；未录入为 null' })
  target: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '完成率（%），两位小数' })
  completionRate: number | null;
}

export class MonthlyPointDto implements MonthlyPoint {
  @ApiProperty({ example: '2026-03' }) month: string;
  @Nullable(Number) value: number | null;
}

export class TownshipIndicatorsDto {
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ type: [IndicatorValueDto] }) indicators: IndicatorValueDto[];
}

/** 求人倍率 of one occupation: vacancies' positions per seeker wanting it. */
export class OccupationSupplyDemandDto implements OccupationSupplyDemand {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() demand: number;
  @ApiProperty() supply: number;
  @Nullable(Number) ratio: number | null;
}

export class ReportTextDto {
  @ApiProperty({ description: '按人社局行文习惯写成的报告段落' }) text: string;
}

/** A yearly target or a reference figure (e.g. the labour force) staff entered. */
export class FigureDto implements FigureInput {
  @ApiProperty() year: number;
  @ApiProperty({ enum: [...INDICATOR_CODES, ...Object.keys(REFERENCE_FIGURES)] })
  indicator: IndicatorCode | ReferenceFigure;
  @ApiProperty({ enum: ['target', 'reference'] }) kind: 'target' | 'reference';
  @ApiPropertyOptional() townshipCode?: string;
  @ApiProperty() value: number;
}
