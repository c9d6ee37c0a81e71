import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { SeekerProfileService } from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { VacancyFavouriteEntity } from './entities/vacancy-favourite.entity';
import { vacancyFacts } from './vacancy-facts';

/** Vacancies a seeker keeps for later. */
@Injectable()
export class FavouriteService {
  constructor(
    @InjectRepository(VacancyFavouriteEntity)
    private readonly favourites: Repository<VacancyFavouriteEntity>,
    private readonly dataSource: DataSource,
    private readonly profiles: SeekerProfileService,
  ) {}

  async add(principal: Principal, vacancyId: string) {
    const profile = await this.profiles.ownProfile(principal.userId);
    await vacancyFacts(this.dataSource.manager, vacancyId);
    await this.favourites
      .createQueryBuilder()
      .insert()
      .values({ seekerProfileId: profile.id, vacancyId })
      .orIgnore()
      .execute();
    return this.list(principal);
  }

  async remove(principal: Principal, vacancyId: string): Promise<void> {
    const profile = await this.profiles.ownProfile(principal.userId);
    await this.favourites.delete({ seekerProfileId: profile.id, vacancyId });
  }

  async list(principal: Principal) {
    const profile = await this.profiles.ownProfile(principal.userId);
    return this.dataSource.query(
      `select f.vacancy_id as "vacancyId", v.title, e.name as "employerName", v.status,
              v.expires_at::text as "expiresAt", f.created_at as "savedAt"
         from vacancy_favourites f join ${VACANCY_ROWS} v on v.id = f.vacancy_id
         join ${EMPLOYER_ROWS} e on e.id = v.employer_id
        where f.seeker_profile_id = $1 order by f.created_at desc`,
      [profile.id],
    ) as Promise<Record<string, unknown>[]>;
  }
}
