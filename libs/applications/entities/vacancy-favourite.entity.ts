import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('vacancy_favourites')
export class VacancyFavouriteEntity {
  @PrimaryColumn({ name: 'seeker_profile_id', type: 'uuid' })
  seekerProfileId: string;

  @PrimaryColumn({ name: 'vacancy_id', type: 'uuid' })
  vacancyId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
