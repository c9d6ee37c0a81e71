import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  invalid,
  OutboxEventType,
  OutboxService,
  PiiCipher,
} from '@jipin/core';
import { EmployerStatus } from '@jipin/employers';
import { RegionsService } from '@jipin/regions';
import { VacancyEntity } from './entities/vacancy.entity';
import { VacancyHistoryEntity } from './entities/vacancy-history.entity';
import { RuleFinding } from './review/review-rules';
import {
  checkDetails,
  checkVacancy,
  chinaToday,
  VacancyCheck,
  VacancyInput,
} from './vacancy-input';
import { VacancyStatus } from './vacancy-options';

export interface HistoryEntry {
  action: string;
  from: VacancyStatus | null;
  actor: string | null;
  reason?: string | null;
}

/**
 * The steps every vacancy change shares: checking the input, deciding whether
 * an ad may go live, and recording history and the outbox event in the same
 * transaction as the change.
 */
@Injectable()
export class VacancyWorkflow {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxService,
    private readonly cipher: PiiCipher,
  ) {}

  check(input: VacancyInput): VacancyCheck {
    return checkVacancy(input, {
      payFloor: this.config.vacancies.payFloor,
      subsidyFloor: this.config.vacancies.subsidyFloor,
      today: chinaToday(),
      isTownship: (code) => this.regions.township(code) !== undefined,
    });
  }

  /** Throws a 400 listing every problem and refusal, or returns the holds. */
  assertAcceptable(input: VacancyInput): RuleFinding[] {
    const result = this.check(input);
    if (result.problems.length || result.refusals.length) {
      const refused = result.refusals.length > 0;
      throw invalid(
        refused ? 'vacancy_refused' : 'vacancy_invalid',
        refused
          ? `岗位信息不符合发布规定：${[...new Set(result.refusals.map((f) => f.message))].join('；')}`
          : '岗位信息有误，请检查标出的字段',
        checkDetails(result),
      );
    }
    return result.holds;
  }

  /** Verified employers' clean ads go live at once; anything else waits for staff. */
  publicationOf(employerStatus: EmployerStatus, holds: RuleFinding[]): VacancyStatus {
    return employerStatus === 'verified' && holds.length === 0 ? 'published' : 'pending_review';
  }

  /** Copies the input onto the entity (contact phone encrypted). */
  assign(vacancy: VacancyEntity, input: VacancyInput): void {
    Object.assign(vacancy, {
      title: input.title.trim(),
      occupationCode: input.occupationCode,
      description: input.description,
      requirements: input.requirements ?? '',
      kind: input.kind,
      headcount: input.headcount,
      payMin: input.pay.min,
      payMax: input.pay.max,
      payUnit: input.pay.unit,
      education: input.education ?? 'any',
      ageMin: input.ageMin ?? null,
      ageMax: input.ageMax ?? null,
      experienceYears: input.experienceYears ?? 0,
      welfareTags: input.welfareTags ?? [],
      shiftPattern: input.shiftPattern ?? null,
      townshipCode: input.townshipCode,
      address: input.address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      contactName: input.contactName,
      contactPhoneCipher: this.cipher.encrypt(input.contactPhone),
      contactMode: input.contactMode ?? 'signed_in',
      startDate: input.startDate,
      expiresAt: input.expiresAt,
      targetKeyGroups: input.targetKeyGroups ?? [],
      eligibility: input.eligibility ?? null,
    });
  }

  /** The input a stored vacancy was made from; edits are merged onto it. */
  inputOf(v: VacancyEntity): VacancyInput {
    return {
      title: v.title,
      occupationCode: v.occupationCode,
      description: v.description,
      requirements: v.requirements,
      kind: v.kind,
      headcount: v.headcount,
      pay: { min: v.payMin, max: v.payMax, unit: v.payUnit },
      education: v.education,
      ageMin: v.ageMin ?? undefined,
      ageMax: v.ageMax ?? undefined,
      experienceYears: v.experienceYears,
      welfareTags: v.welfareTags,
      shiftPattern: v.shiftPattern ?? undefined,
      townshipCode: v.townshipCode,
      address: v.address,
      lat: v.lat ?? undefined,
      lng: v.lng ?? undefined,
      contactName: v.contactName,
      contactPhone: this.cipher.decrypt(v.contactPhoneCipher),
      contactMode: v.contactMode,
      startDate: v.startDate,
      expiresAt: v.expiresAt,
      targetKeyGroups: v.targetKeyGroups,
      eligibility: v.eligibility,
    };
  }

  /** Saves the vacancy, its history line and the outbox event, all in the caller's transaction. */
  async save(manager: EntityManager, vacancy: VacancyEntity, entry: HistoryEntry): Promise<void> {
    if (vacancy.status === 'published' && entry.from !== 'published') {
      vacancy.publishedAt = new Date();
      vacancy.firstPublishedAt ??= vacancy.publishedAt;
    }
    await manager.save(vacancy);
    await manager.insert(VacancyHistoryEntity, {
      vacancyId: vacancy.id,
      action: entry.action,
      fromStatus: entry.from,
      toStatus: vacancy.status,
      version: vacancy.version,
      reason: entry.reason ?? null,
      actorUserId: entry.actor,
    });
    await this.outbox.record(manager, {
      type: OutboxEventType.VacancyChanged,
      aggregateId: vacancy.id,
      payload: { vacancyId: vacancy.id },
    });
  }
}
