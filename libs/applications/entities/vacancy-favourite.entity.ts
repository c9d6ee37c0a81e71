import { CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

@Entity('vacancy_favourites')
@ForeignKey('SeekerProfileEntity', ['seekerProfileId'], ['id'], {
  name: 'vacancy_favourites_seeker_profile_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('VacancyEntity', ['vacancyId'], ['id'], {
  name: 'vacancy_favourites_vacancy_id_fkey',
  onDelete: 'CASCADE',
})
export class VacancyFavouriteEntity {
  @PrimaryColumn({ name: 'seeker_profile_id', type: 'uuid' })
  seekerProfileId: string;

  @PrimaryColumn({ name: 'vacancy_id', type: 'uuid' })
  vacancyId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
