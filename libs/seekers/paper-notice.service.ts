import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, USER_ROWS } from '@jipin/accounts';
import { NotificationService } from '@jipin/notifications';
import { RegionsService } from '@jipin/regions';
import { staffTownshipFilter } from './staff-scope';

/** A notice the window prints for a person who has no phone. */
export interface PaperNotice {
  notificationId: string;
  profileId: string;
  name: string;
  townshipName: string;
  /** Who to hand or read it to when the person does not come (儿子, 配偶 …). */
  contactRelation: string | null;
  title: string;
  body: string;
  createdAt: Date;
}

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const chinaDate = (at: Date) =>
  at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });

/**
 * People registered at the window without a phone cannot get an SMS or open
 * the app: their notifications (fair invitations, reminders, intents, follow-ups)
 * wait here for the window to print and hand over, each printed once.
 */
@Injectable()
export class PaperNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly regions: RegionsService,
  ) {}

  async pending(staff: Principal, townshipCode?: string): Promise<PaperNotice[]> {
    const people = await this.phoneless(staff, townshipCode);
    const byUser = new Map(people.map((p) => [p.userId, p]));
    const notices = await this.notifications.unprinted([...byUser.keys()]);
    return notices.map((n) => {
      const person = byUser.get(n.userId)!;
      return {
        notificationId: n.id,
        profileId: person.profileId,
        name: person.name,
        townshipName: this.regions.townshipName(person.townshipCode) ?? person.townshipCode,
        contactRelation: person.contactRelation,
        title: n.title,
        body: n.body,
        createdAt: n.createdAt,
      };
    });
  }

  /** The notices as a page to print: one person per sheet. */
  async printable(staff: Principal, townshipCode?: string): Promise<string> {
    const notices = await this.pending(staff, townshipCode);
    const byPerson = new Map<string, PaperNotice[]>();
    for (const n of notices) byPerson.set(n.profileId, [...(byPerson.get(n.profileId) ?? []), n]);
    const sheets = [...byPerson.values()].map((list) => {
      const p = list[0];
      const items = list
        .map(
          (n) =>
            `<li><b>${html(n.title)}</b><br>${html(n.body)}<br><small>${chinaDate(n.createdAt)}</small></li>`,
        )
        .join('');
      const via = p.contactRelation ? `（可交其${html(p.contactRelation)}转交）` : '';
      return `<section><h1>就业服务通知</h1><p>${html(p.name)}（${html(p.townshipName)}）${via}：</p><ol>${items}</ol>
<p>如有疑问，请到乡镇（街道）就业窗口咨询。</p></section>`;
    });
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>纸质通知</title>
<style>@page{size:A5}body{font-family:sans-serif;margin:2em}section{page-break-after:always}
h1{font-size:1.3em}li{margin:.6em 0}</style></head>
<body>${sheets.length ? sheets.join('') : '<p>没有待打印的通知</p>'}</body></html>`;
  }

  /** The window printed and handed over these notices. */
  async markPrinted(staff: Principal, ids: string[], townshipCode?: string): Promise<number> {
    const people = await this.phoneless(staff, townshipCode);
    return this.notifications.markPrinted(
      ids,
      people.map((p) => p.userId),
      staff.userId,
    );
  }

  private async phoneless(staff: Principal, townshipCode?: string) {
    const township = staffTownshipFilter(staff, townshipCode);
    const rows: {
      profileId: string;
      userId: string;
      name: string;
      townshipCode: string;
      contactRelation: string | null;
    }[] = await this.dataSource.query(
      `select p.id as "profileId", p.user_id as "userId", p.name, p.township_code as "townshipCode",
              p.contact_relation as "contactRelation"
         from seeker_profiles p join ${USER_ROWS} u on u.id = p.user_id
        where u.phone_index is null and p.anonymised_at is null
          and ($1::varchar is null or p.township_code = $1)`,
      [township ?? null],
    );
    return rows;
  }
}
