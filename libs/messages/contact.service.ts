import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { APP_CONFIG, type AppConfig, forbidden, RateLimiter } from '@jipin/core';
import { ApplicationService } from '@jipin/applications';
import { CONTACT_MODES, ContactMode, VacancyContactService } from '@jipin/vacancies';
import { ContactRevealEntity } from './entities/contact-reveal.entity';

export interface ContactOptions {
  vacancyId: string;
  contactName: string;
  contactMode: ContactMode;
  contactModeName: string;
  hotline: { name: string; phone: string };
}

export interface RevealedContact {
  contactName: string;
  phone: string;
  /** For the call button. */
  telUri: string;
}

const DAY = 24 * 3600;

/**
 * Calling the employer: how a vacancy may be contacted, and the phone revealed
 * to a signed-in seeker where the employer allows it. Each reveal is counted
 * per seeker; new numbers beyond the daily limit are refused, so a scraper
 * cannot harvest employers' phones. The bureau's hotline is always offered.
 */
@Injectable()
export class ContactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vacancies: VacancyContactService,
    private readonly applications: ApplicationService,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async options(vacancyId: string): Promise<ContactOptions> {
    const contact = await this.vacancies.contactOf(vacancyId);
    return {
      vacancyId,
      contactName: contact.contactName,
      contactMode: contact.contactMode,
      contactModeName: CONTACT_MODES[contact.contactMode],
      hotline: this.config.messages.hotline,
    };
  }

  async reveal(principal: Principal, vacancyId: string): Promise<RevealedContact> {
    const contact = await this.vacancies.contactOf(vacancyId);
    if (contact.contactMode === 'messages_only')
      throw forbidden('messages_only', '该单位只接受在线沟通：投递后可在“消息”里与招聘方联系');
    if (
      contact.contactMode === 'after_applying' &&
      !(await this.applications.hasApplied(principal.userId, vacancyId))
    )
      throw forbidden('apply_first', '投递该岗位后才能查看招聘方电话');
    const reveals = this.dataSource.getRepository(ContactRevealEntity);
    // Calling the same employer again does not use up the day's numbers.
    const seenToday = await reveals
      .createQueryBuilder('r')
      .where('r.seeker_user_id = :user and r.vacancy_id = :vacancy', {
        user: principal.userId,
        vacancy: vacancyId,
      })
      .andWhere(`r.created_at > now() - interval '1 day'`)
      .getExists();
    if (!seenToday)
      await this.rateLimiter.hit(
        `phone-reveal:${principal.userId}`,
        this.config.messages.phoneRevealsPerDay,
        DAY,
        '今天查看招聘方电话的次数已达上限',
      );
    await reveals.insert({ seekerUserId: principal.userId, vacancyId });
    return {
      contactName: contact.contactName,
      phone: contact.contactPhone,
      telUri: `tel:${contact.contactPhone}`,
    };
  }
}
