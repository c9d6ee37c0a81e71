import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { AccountService, Principal, USER_ROWS } from '@jipin/accounts';
import {
  conflict,
  invalid,
  maskName,
  notFound,
  PiiCipher,
  PreparedStatement,
  queryPrepared,
  RateLimiter,
} from '@jipin/core';
import { FairRegistrationEntity } from './entities/fair-registration.entity';
import { FairEntity } from './entities/fair.entity';
import { fairForStaff, outsideFairTownship, staffRunsFair } from './fair-access';

/**
 * 8 random digits, read aloud over a counter in two groups (4821-3307). One guess in 10^8
 * finds nothing, and the door and booth scans are rate limited per person scanning, so a
 * ticket cannot be guessed from another one. Tickets issued before were 22-character
 * base64url codes: those stay valid.
 */
export function newTicketCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/**
 * The QR code the door scans, as an SVG data URL: drawing it as a PNG (pixels,
 * filters, zlib) cost 4–5 ms of CPU per ticket, most of a fair registration;
 * the SVG costs 0.25 ms, is smaller and prints sharp at any size.
 */
export async function ticketQrCode(ticketText: string): Promise<string> {
  const svg = await QRCode.toString(ticketText, { type: 'svg', margin: 1, width: 240 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export const TICKET_PATTERN = /^\s*(\d{4}[\s-]?\d{4}|[A-Za-z0-9_-]{22})\s*$/;

/** What the person typed or the scanner read (4821-3307, 4821 3307) → the stored code. */
export function normaliseTicketCode(input: string): string {
  const code = input.trim();
  return /^\d{4}[\s-]?\d{4}$/.test(code) ? code.replace(/\D/g, '') : code;
}

/** 48213307 → 4821-3307, as printed and read aloud; older codes as they are. */
export function ticketCodeText(code: string): string {
  return /^\d{8}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/**
 * Unknown ticket codes one person may scan at one fair in a minute. Only refusals count, so
 * a busy door is never slowed; someone guessing codes is stopped after a few tries.
 */
export const TICKET_MISSES_PER_MINUTE = 20;
// The limiter adds the wait in seconds, the same number as Retry-After.
const MISS_REASON = '无效门票码过多，可改报手机号';

/** Scans a code, refusing at once while the person's misses are over the limit. */
export async function scanTicket<T>(
  limiter: RateLimiter,
  key: { userId: string; fairId: string },
  lookUp: () => Promise<T>,
): Promise<T> {
  const bucket = `ticket-miss:${key.fairId}:${key.userId}`;
  await limiter.check(bucket, TICKET_MISSES_PER_MINUTE, 60, MISS_REASON);
  try {
    return await lookUp();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ticket_not_found' || code === 'not_registered' || code === 'not_checked_in')
      await limiter.record(bucket, 60);
    throw error;
  }
}

export interface TicketView {
  fairId: string;
  fairTitle: string;
  mode: FairEntity['mode'];
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  /** The holder's name, masked (张**): the door checks it against the person. */
  holderName: string;
  /** 4821-3307; null for an online-only fair, which has no door to enter by. */
  ticketCode: string | null;
  /** SVG data URL of the QR code the door scans (it holds the ticket code); null online. */
  qrCode: string | null;
  registeredAt: Date;
  checkedInAt: Date | null;
}

export interface CheckInView {
  registrationId: string;
  seekerUserId: string;
  seekerName: string;
  ticketCode: string;
  checkedInAt: Date;
  /** True when this person was already in: a second scan changes nothing. */
  alreadyCheckedIn: boolean;
  walkIn: boolean;
}

/** The door (and a booth) find a person by the scanned ticket or the typed phone: exactly one. */
export function assertOnePersonKey(by: { ticketCode?: string; phone?: string }): void {
  if (Boolean(by.ticketCode) === Boolean(by.phone))
    throw invalid('ticket_or_phone', '请扫描门票二维码或输入手机号（二选一）', [
      { field: 'ticketCode', message: '门票码与手机号须填写其中一项' },
    ]);
}

type TicketRow = Omit<TicketView, 'qrCode' | 'holderName'> & { ticketCode: string; name: string };

/** A ticket's columns: `r` the registration, `f` its fair, `u` the holder. */
const TICKET_COLUMNS = `r.fair_id as "fairId", f.title as "fairTitle", f.mode, f.starts_at as "startsAt",
  f.ends_at as "endsAt", f.venue, u.name, r.ticket_code as "ticketCode",
  r.registered_at as "registeredAt", r.checked_in_at as "checkedInAt"`;

/**
 * The fair ($1), an online registration of the seeker ($2) with a new ticket code ($3) when
 * the fair takes registrations and the seeker has none, and the ticket. The statement does
 * not see its own insert in fair_registrations, so a new ticket comes from `added`.
 */
const REGISTER: PreparedStatement = {
  name: 'fair_register',
  text: `with f as (select * from fairs where id = $1),
    added as (
      insert into fair_registrations (fair_id, seeker_user_id, ticket_code, source)
      select f.id, $2, $3, 'online' from f where f.status in ('registration_open', 'ongoing')
      on conflict (fair_id, seeker_user_id) do nothing
      returning *)
    select f.status, added.id is not null as created, ${TICKET_COLUMNS}
      from f
      left join (select * from added
                 union all
                 select * from fair_registrations
                  where fair_id = $1 and seeker_user_id = $2) r on true
      left join ${USER_ROWS} u on u.id = r.seeker_user_id
      left join added on true`,
};

/** The ticket as the seeker sees it: the name masked; no code for an online-only fair. */
async function ticketView(row: TicketRow): Promise<TicketView> {
  const { name, ticketCode, ...view } = row;
  const holderName = maskName(name);
  // An online-only fair has no door: no entry code to show or to lose.
  if (row.mode === 'online') return { ...view, holderName, ticketCode: null, qrCode: null };
  const qrCode = await ticketQrCode(ticketCodeText(ticketCode));
  return { ...view, holderName, ticketCode: ticketCodeText(ticketCode), qrCode };
}

const notRegistered = () => notFound('该手机号在本场招聘会的报名记录', 'not_registered');

/**
 * Seekers register and get a ticket; staff check them in at the door by
 * ticket or phone, or register walk-ins on the spot. Check-in is one
 * conditional UPDATE, so a second or simultaneous scan finds the person in.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountService,
    private readonly cipher: PiiCipher,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /**
   * Registering again returns the same ticket. One statement: the fair's checks, the insert
   * and the ticket's answer together (a fair's opening minute is the hot path).
   */
  async register(
    principal: Principal,
    fairId: string,
  ): Promise<{ created: boolean; ticket: TicketView }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [row] = await queryPrepared<TicketRow & { status: string; created: boolean }>(
          this.dataSource,
          REGISTER,
          [fairId, principal.userId, newTicketCode()],
        );
        if (!row || row.status === 'draft') throw notFound('招聘会');
        if (!['registration_open', 'ongoing'].includes(row.status))
          throw conflict('fair_not_open', '该招聘会当前不接受报名');
        const { status: _status, created, ...ticket } = row;
        return { created, ticket: await ticketView(ticket) };
      } catch (error) {
        // Ticket codes are unique: a drawn code already given out is drawn again.
        if ((error as { code?: string }).code !== '23505' || attempt >= 5) throw error;
      }
    }
  }

  async ticket(principal: Principal, fairId: string): Promise<TicketView> {
    const [row]: TicketRow[] = await this.dataSource.query(
      `select ${TICKET_COLUMNS}
         from fair_registrations r join fairs f on f.id = r.fair_id
         join ${USER_ROWS} u on u.id = r.seeker_user_id
        where r.fair_id = $1 and r.seeker_user_id = $2`,
      [fairId, principal.userId],
    );
    if (!row) throw notFound('您在该招聘会的报名记录');
    return ticketView(row);
  }

  async listOwn(principal: Principal) {
    return this.dataSource.query(
      `select r.fair_id as "fairId", f.title as "fairTitle", f.starts_at as "startsAt",
              f.venue, f.status, r.registered_at as "registeredAt", r.checked_in_at as "checkedInAt"
         from fair_registrations r join fairs f on f.id = r.fair_id
        where r.seeker_user_id = $1 order by f.starts_at desc`,
      [principal.userId],
    ) as Promise<Record<string, unknown>[]>;
  }

  /**
   * One statement per scan (the door is the hot path): the fair's checks, the
   * conditional update and the answer together. Only a refusal costs more.
   */
  async checkIn(
    staff: Principal,
    fairId: string,
    by: { ticketCode?: string; phone?: string },
  ): Promise<CheckInView> {
    assertOnePersonKey(by);
    if (by.ticketCode) {
      const code = normaliseTicketCode(by.ticketCode);
      return scanTicket(this.rateLimiter, { userId: staff.userId, fairId }, () =>
        this.checkInWhere(staff, fairId, 'r.ticket_code = $3', code),
      );
    }
    return this.checkInWhere(
      staff,
      fairId,
      `r.seeker_user_id = (select id from ${USER_ROWS} users where phone_index = $3)`,
      this.cipher.blindIndex(by.phone!),
    );
  }

  /**
   * A walk-in: the person is found by phone, or a login without password is made
   * for them (claimed later by SMS, like 代录); registered and checked in at once.
   */
  async walkIn(
    staff: Principal,
    fairId: string,
    input: { phone: string; name: string },
  ): Promise<CheckInView & { ticketCode: string }> {
    await this.ongoingFairForStaff(staff, fairId);
    let user = await this.accounts.findByPhone(input.phone);
    if (user && user.role !== 'seeker')
      throw conflict('phone_not_seeker', '该手机号已注册为单位或工作人员账号，不能登记为求职者');
    user ??= await this.accounts
      .createUnclaimedSeeker(input.phone, input.name.trim())
      .catch(async (error: unknown) => {
        // Two doors registering the same person at once: use the login the other one made.
        const made = await this.accounts.findByPhone(input.phone);
        if (made) return made;
        throw error;
      });
    await this.insert(this.dataSource.manager, fairId, user.id, 'walk_in');
    return this.checkInWhere(staff, fairId, 'r.seeker_user_id = $3', user.id);
  }

  private async ongoingFairForStaff(staff: Principal, fairId: string): Promise<FairEntity> {
    const fair = await fairForStaff(this.dataSource.manager, staff, fairId);
    if (fair.mode === 'online') throw conflict('online_fair', '线上招聘会无需入场签到');
    if (fair.status !== 'ongoing') throw conflict('fair_not_ongoing', '招聘会进行中才能签到入场');
    return fair;
  }

  private async insert(
    manager: EntityManager,
    fairId: string,
    userId: string,
    source: FairRegistrationEntity['source'],
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        const inserted: unknown[] = await manager.query(
          `insert into fair_registrations (fair_id, seeker_user_id, ticket_code, source)
           values ($1, $2, $3, $4) on conflict (fair_id, seeker_user_id) do nothing returning id`,
          [fairId, userId, newTicketCode(), source],
        );
        return inserted.length > 0;
      } catch (error) {
        // Ticket codes are unique: a drawn code already given out is drawn again.
        const code = (error as { code?: string; constraint?: string }).code;
        if (code !== '23505' || attempt >= 5) throw error;
      }
    }
  }

  private async checkInWhere(
    staff: Principal,
    fairId: string,
    condition: string,
    value: string,
  ): Promise<CheckInView> {
    // Window staff check people in only at their township's fairs; null: county-wide.
    const township = staff.role === 'staff' ? staff.townshipCode : null;
    const rows: (Omit<CheckInView, 'walkIn'> & {
      source: string | null;
      fresh: boolean;
      status: string;
      mode: string;
      townshipCode: string | null;
    })[] = await this.dataSource.query(
      `with f as (select id, status, mode, township_code from fairs where id = $1),
            hit as (
              update fair_registrations r set checked_in_at = now(), checked_in_by = $2
               where r.fair_id = $1 and ${condition} and r.checked_in_at is null
                 and exists (select 1 from f where f.status = 'ongoing' and f.mode <> 'online'
                               and ($4::varchar is null or f.township_code = $4))
              returning r.id)
       select f.status, f.mode, f.township_code as "townshipCode",
              r.id as "registrationId", r.seeker_user_id as "seekerUserId", u.name as "seekerName",
              r.ticket_code as "ticketCode", coalesce(r.checked_in_at, now()) as "checkedInAt",
              r.source, exists (select 1 from hit) as fresh
         from f left join fair_registrations r on r.fair_id = f.id and ${condition}
         left join ${USER_ROWS} u on u.id = r.seeker_user_id`,
      [fairId, staff.userId, value, township],
    );
    const row = rows[0];
    if (!row) throw notFound('招聘会');
    if (!staffRunsFair(staff, { townshipCode: row.townshipCode })) throw outsideFairTownship();
    if (row.mode === 'online') throw conflict('online_fair', '线上招聘会无需入场签到');
    if (row.status !== 'ongoing') throw conflict('fair_not_ongoing', '招聘会进行中才能签到入场');
    if (!row.registrationId)
      throw condition.includes('ticket') ? notFound('该门票', 'ticket_not_found') : notRegistered();
    const { source, fresh, status: _s, mode: _m, townshipCode: _t, ...view } = row;
    return { ...view, alreadyCheckedIn: !fresh, walkIn: source === 'walk_in' };
  }
}
