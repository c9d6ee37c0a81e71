import { Injectable } from '@nestjs/common';
import { Principal } from '@jipin/accounts';
import { invalid } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { PiiAccessService } from './pii-access.service';
import { SeekerListQuery, SeekerProfileService } from './seeker-profile.service';
import { ledgerRow, ledgerWorkbook } from './seeker-ledger';
import { SeekerView } from './seeker-view';

/** An export is for a task, not a copy of the register: past this, narrow the filters. */
export const LEDGER_EXPORT_LIMIT = 10000;
const PAGE = 200;

/**
 * 求职者台账: the people registered in a staff member's scope, listed with
 * filters and exported as .xlsx. Every exported person gets a line in the
 * PII access log (field "export"), so they can see who took their data.
 */
@Injectable()
export class SeekerLedgerService {
  constructor(
    private readonly profiles: SeekerProfileService,
    private readonly pii: PiiAccessService,
    private readonly regions: RegionsService,
  ) {}

  async export(
    staff: Principal,
    query: Omit<SeekerListQuery, 'limit' | 'offset'>,
    audit: { purpose: string; route: string },
  ): Promise<{ file: Buffer; count: number }> {
    const first = await this.profiles.list(staff, { ...query, limit: PAGE, offset: 0 });
    if (first.total > LEDGER_EXPORT_LIMIT)
      throw invalid(
        'export_too_large',
        `符合条件的有${first.total}人，一次最多导出${LEDGER_EXPORT_LIMIT}人，请缩小筛选范围`,
      );
    const seekers: SeekerView[] = [...first.items];
    while (seekers.length < first.total) {
      const page = await this.profiles.list(staff, {
        ...query,
        asOf: first.asOf,
        limit: PAGE,
        offset: seekers.length,
      });
      if (!page.items.length) break;
      seekers.push(...page.items);
    }
    const name = (code: string) => this.regions.townshipName(code) ?? code;
    const rows = seekers.map((s, i) => ledgerRow(s, i, name));
    const place = query.townshipCode ? name(query.townshipCode) : '全县';
    const file = await ledgerWorkbook(`求职者台账（${place}，截至${first.asOf}）`, rows);
    await this.pii.recordExport(staff, seekers, audit);
    return { file, count: seekers.length };
  }
}
