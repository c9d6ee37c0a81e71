import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import {
  invalid,
  KEY_GROUP_NAMES,
  KeyGroup,
  maskIdNumber,
  PiiCipher,
  newWorkbook,
} from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { chinaToday, PiiAccessService } from '@jipin/seekers';
import { StatisticsScope } from './statistics-scope';
import { StatisticsService } from './statistics.service';
import { welfareSubsidyQuery, welfareSubsidyTotalQuery } from './welfare-subsidy-sql';

/** One person and month in a public-welfare post, as staff see it: ID masked. */
export interface WelfareSubsidyLine {
  month: string;
  placementId: string;
  name: string;
  idNumber: string | null;
  townshipCode: string;
  townshipName: string;
  keyGroups: { code: string; name: string }[];
  title: string;
  employerName: string;
  hiredOn: string;
  leftOn: string | null;
  standard: number;
  daysInPost: number;
  daysInMonth: number;
  amount: number;
}

interface RawLine extends Omit<WelfareSubsidyLine, 'idNumber' | 'townshipName' | 'keyGroups'> {
  profileId: string | null;
  userId: string;
  idNumberCipher: string | null;
  keyGroups: string[];
}

export interface WelfareSubsidySummary {
  amount: number;
  people: number;
  personMonths: number;
  byMonth: { month: string; amount: number; people: number }[];
  byTownship: { townshipCode: string; townshipName: string; amount: number; people: number }[];
  byKeyGroup: { code: string; name: string; amount: number; people: number }[];
}

/** A payment list covers a task, not the whole history: past this, narrow the period. */
export const SUBSIDY_EXPORT_LIMIT = 50000;

/**
 * 公益性岗位补贴: what the bureau pays each person placed in a public-welfare
 * post per month in post (the post's monthly standard, for the days in post),
 * summed per month, township and key group, and the payment list as .xlsx.
 */
@Injectable()
export class WelfareSubsidyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly regions: RegionsService,
    private readonly pii: PiiAccessService,
    private readonly statistics: StatisticsService,
  ) {}

  async list(scope: StatisticsScope, paging: { limit: number; offset: number }) {
    this.statistics.check(scope);
    const lines = await this.lines(scope, paging);
    return { ...(await this.summary(scope)), items: lines };
  }

  /** Total payable in the period, or null when no one was in a post with a known standard. */
  async total(scope: StatisticsScope): Promise<number | null> {
    const query = welfareSubsidyTotalQuery(scope, chinaToday());
    const [row] = await this.dataSource.query(query.sql, query.params);
    return row.personMonths ? Math.round(row.amount * 100) / 100 : null;
  }

  async summary(scope: StatisticsScope): Promise<WelfareSubsidySummary> {
    const raw = await this.raw(scope);
    const sum = <K extends string>(key: (r: RawLine) => K[]) => {
      const groups = new Map<K, { amount: number; people: Set<string> }>();
      for (const r of raw)
        for (const k of key(r)) {
          const g = groups.get(k) ?? { amount: 0, people: new Set<string>() };
          g.amount += r.amount;
          g.people.add(r.userId);
          groups.set(k, g);
        }
      return [...groups].map(([k, g]) => ({
        key: k,
        amount: round(g.amount),
        people: g.people.size,
      }));
    };
    return {
      amount: round(raw.reduce((s, r) => s + r.amount, 0)),
      people: new Set(raw.map((r) => r.userId)).size,
      personMonths: raw.length,
      byMonth: sum((r) => [r.month]).map(({ key, ...g }) => ({ month: key, ...g })),
      byTownship: sum((r) => [r.townshipCode]).map(({ key, ...g }) => ({
        townshipCode: key,
        townshipName: this.regions.townshipName(key) ?? key,
        ...g,
      })),
      byKeyGroup: sum((r) => r.keyGroups).map(({ key, ...g }) => ({
        code: key,
        name: KEY_GROUP_NAMES[key as KeyGroup] ?? key,
        ...g,
      })),
    };
  }

  /** The bureau's payment list: one line per person and month, ID masked; every person listed is logged. */
  async export(
    staff: Principal,
    scope: StatisticsScope,
    audit: { purpose: string; route: string },
  ): Promise<Buffer> {
    this.statistics.check(scope);
    const raw = await this.raw(scope);
    if (raw.length > SUBSIDY_EXPORT_LIMIT)
      throw invalid(
        'export_too_large',
        `补贴名单有${raw.length}行，一次最多导出${SUBSIDY_EXPORT_LIMIT}行，请缩短期间`,
      );
    const lines = raw.map((r) => this.view(r));
    const workbook = await newWorkbook();
    const sheet = workbook.addWorksheet('公益性岗位补贴发放名单');
    const place = scope.townshipCode
      ? (this.regions.townshipName(scope.townshipCode) ?? '')
      : '全县';
    sheet.addRow([`公益性岗位补贴发放名单（${place}，${scope.from}至${scope.to}）`]);
    sheet.addRow([
      '序号',
      '月份',
      '姓名',
      '身份证号（已脱敏）',
      '乡镇（街道）',
      '重点群体',
      '岗位',
      '用人单位',
      '入职日期',
      '离岗日期',
      '月补贴标准（元）',
      '在岗天数',
      '当月天数',
      '应发补贴（元）',
    ]);
    sheet.getRow(2).font = { bold: true };
    lines.forEach((l, i) =>
      sheet.addRow([
        i + 1,
        l.month,
        l.name,
        l.idNumber ?? '',
        l.townshipName,
        l.keyGroups.map((g) => g.name).join('、'),
        l.title,
        l.employerName,
        l.hiredOn,
        l.leftOn ?? '',
        l.standard,
        l.daysInPost,
        l.daysInMonth,
        l.amount,
      ]),
    );
    const total = round(lines.reduce((sum, l) => sum + l.amount, 0));
    sheet.addRow(['合计', ...Array<string>(12).fill(''), total]);
    const people = new Map(
      raw
        .filter((r) => r.profileId)
        .map((r) => [r.profileId!, { id: r.profileId!, userId: r.userId }]),
    );
    await this.pii.recordExport(staff, [...people.values()], audit);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private async lines(scope: StatisticsScope, paging: { limit: number; offset: number }) {
    const query = welfareSubsidyQuery(scope, chinaToday(), paging);
    return ((await this.dataSource.query(query.sql, query.params)) as RawLine[]).map((r) =>
      this.view(r),
    );
  }

  private async raw(scope: StatisticsScope): Promise<RawLine[]> {
    const query = welfareSubsidyQuery(scope, chinaToday());
    return this.dataSource.query(query.sql, query.params);
  }

  private view(r: RawLine): WelfareSubsidyLine {
    const { profileId: _p, userId: _u, idNumberCipher, keyGroups, ...rest } = r;
    return {
      ...rest,
      idNumber: idNumberCipher ? maskIdNumber(this.cipher.decrypt(idNumberCipher)) : null,
      townshipName: this.regions.townshipName(r.townshipCode) ?? r.townshipCode,
      keyGroups: keyGroups.map((code) => ({
        code,
        name: KEY_GROUP_NAMES[code as KeyGroup] ?? code,
      })),
    };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
