import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

export type GigRater = 'poster' | 'worker';

/** Each side rates the other once per assignment. */
@Entity('gig_ratings')
@Check('gig_ratings_rater_check', `rater IN ('poster', 'worker')`)
@Check('gig_ratings_score_check', '(score BETWEEN 1 AND 5)')
@ForeignKey('GigAssignmentEntity', ['assignmentId'], ['id'], {
  name: 'gig_ratings_assignment_id_fkey',
  onDelete: 'CASCADE',
})
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
