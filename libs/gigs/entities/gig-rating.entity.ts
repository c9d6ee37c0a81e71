import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type GigRater = 'poster' | 'worker';

/** Each side rates the other once per assignment. */
@Entity('gig_ratings')
export class GigRatingEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  rater: GigRater;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
