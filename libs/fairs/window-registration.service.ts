import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { conflict, maskName, notFound } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { SeekerProfileService } from '@jipin/seekers';
import { publicFair } from './fair-access';
import { newTicketCode, ticketCodeText, ticketQrCode } from './registration.service';

/** What the printed ticket says; an online-only fair has no entry code. */
export interface PaperTicket {
  fairTitle: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  mode: string;
  /** Read aloud in two groups (4821-3307); null for an online-only fair. */
  ticketCode: string | null;
  qrCode: string | null;
  /** Masked (张**): the door checks it against the person. */
  holderName: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** 2026年12月6日 09:00, China time, as every text of the platform reads a date. */
const chinaTime = (at: Date) => {
  const [date, time] = new Date(at.getTime() + 8 * 3600 * 1000).toISOString().split('T');
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日 ${time.slice(0, 5)}`;
};

/**
 * The window registers a person for a fair (someone without a phone, or
 * without a smartphone) and prints the ticket: the door scans its QR code or
 * types its code, exactly as for a ticket on a phone.
 */
@Injectable()
export class WindowRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: SeekerProfileService,
    private readonly regions: RegionsService,
  ) {}

  /** Registering again keeps the same ticket. */
  async register(staff: Principal, fairId: string, profileId: string): Promise<PaperTicket> {
    const profile = await this.profiles.profileForStaff(staff, profileId);
    const fair = await publicFair(this.dataSource.manager, fairId);
    if (!['registration_open', 'ongoing'].includes(fair.status))
      throw conflict('fair_not_open', '该招聘会当前不接受报名');
    await this.dataSource.query(
      `insert into fair_registrations (fair_id, seeker_user_id, ticket_code, source)
       values ($1, $2, $3, 'window') on conflict (fair_id, seeker_user_id) do nothing`,
      [fair.id, profile.userId, newTicketCode()],
    );
    return this.ticket(staff, fairId, profileId);
  }

  async ticket(staff: Principal, fairId: string, profileId: string): Promise<PaperTicket> {
    const profile = await this.profiles.profileForStaff(staff, profileId);
    const [row] = await this.dataSource.query(
      `select f.title as "fairTitle", f.starts_at as "startsAt", f.ends_at as "endsAt", f.venue,
              f.mode, r.ticket_code as "ticketCode"
         from fair_registrations r join fairs f on f.id = r.fair_id
        where r.fair_id = $1 and r.seeker_user_id = $2`,
      [fairId, profile.userId],
    );
    if (!row) throw notFound('该人员在本场招聘会的报名记录', 'not_registered');
    const holderName = maskName(profile.name);
    if (row.mode === 'online') return { ...row, holderName, ticketCode: null, qrCode: null };
    const ticketCode = ticketCodeText(row.ticketCode);
    const qrCode = await ticketQrCode(ticketCode);
    return { ...row, holderName, ticketCode, qrCode };
  }

  /** One A6 card to print and hand over: what, when, where, and the code the door scans. */
  async printable(staff: Principal, fairId: string, profileId: string): Promise<string> {
    const t = await this.ticket(staff, fairId, profileId);
    const entry = t.ticketCode
      ? `<p><img src="${t.qrCode}" alt="入场二维码" width="150" height="150"></p>
<p>入场码（可报给工作人员）：<span class="code">${escape(t.ticketCode)}</span></p>
<p>请携带本券和身份证入场；遗失可到乡镇（街道）就业窗口补打。</p>`
      : `<p>这是线上招聘会，无需入场码：到时打开招聘会页面观看直播带岗、在线投递即可。</p>`;
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>招聘会入场券</title>
<style>@page{size:105mm 148mm;margin:6mm}body{font-family:sans-serif;margin:0;font-size:10pt}
h1{font-size:13pt;margin:0 0 2mm}p{margin:1.5mm 0}.code{font-size:20pt;font-weight:700}</style>
</head><body onload="window.print()"><h1>${escape(t.fairTitle)}</h1>
<p>入场券 · ${escape(t.holderName)}</p>
<p>时间：${chinaTime(new Date(t.startsAt))} 至 ${chinaTime(new Date(t.endsAt))}</p>
<p>地点：${escape(t.venue ?? '线上')}</p>
${entry}
</body></html>`;
  }
}
