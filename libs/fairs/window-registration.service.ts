import { Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { conflict, notFound } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { SeekerProfileService } from '@jipin/seekers';
import { publicFair } from './fair-access';
import { newTicketCode } from './registration.service';

interface PaperTicket {
  fairTitle: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  ticketCode: string;
  name: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const chinaTime = (at: Date) =>
  new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');

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
              r.ticket_code as "ticketCode"
         from fair_registrations r join fairs f on f.id = r.fair_id
        where r.fair_id = $1 and r.seeker_user_id = $2`,
      [fairId, profile.userId],
    );
    if (!row) throw notFound('该人员在本场招聘会的报名记录', 'not_registered');
    return { ...row, name: profile.name };
  }

  /** An A5 page to print and hand over: what, when, where, and the code the door scans. */
  async printable(staff: Principal, fairId: string, profileId: string): Promise<string> {
    const t = await this.ticket(staff, fairId, profileId);
    const qr = await QRCode.toDataURL(t.ticketCode, { margin: 1, width: 240 });
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>招聘会入场券</title>
<style>@page{size:A5}body{font-family:sans-serif;margin:2em}h1{font-size:1.4em}
.code{font-family:monospace;font-size:1.1em;letter-spacing:.05em}</style></head>
<body onload="window.print()"><h1>${escape(t.fairTitle)}</h1>
<p>入场券 · ${escape(t.name)}</p>
<p>时间：${chinaTime(new Date(t.startsAt))} 至 ${chinaTime(new Date(t.endsAt))}</p>
<p>地点：${escape(t.venue ?? '线上')}</p>
<p><img src="${qr}" alt="入场二维码" width="240" height="240"></p>
<p>入场码：<span class="code">${escape(t.ticketCode)}</span></p>
<p>请携带本券和身份证入场；遗失可到乡镇（街道）就业窗口补打。</p>
</body></html>`;
  }
}
