import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A seeker was shown an employer's phone: counted per seeker so scrapers hit a limit. */
@Entity('contact_reveals')
@Index('contact_reveals_seeker', ['seekerUserId', 'vacancyId', 'createdAt'])
export class ContactRevealEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  @Column({ name: 'vacancy_id', type: 'uuid' })
  vacancyId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
