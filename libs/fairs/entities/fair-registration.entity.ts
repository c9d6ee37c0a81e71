import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A seeker's place at a fair: the ticket (QR code) and the check-in at the door. */
@Entity('fair_registrations')
@Unique('fair_registrations_fair_id_seeker_user_id_key', ['fairId', 'seekerUserId'])
@Unique('fair_registrations_ticket_code_key', ['ticketCode'])
@Check('fair_registrations_source_check', `source IN ('online', 'walk_in', 'window')`)
@ForeignKey('FairEntity', ['fairId'], ['id'], {
  name: 'fair_registrations_fair_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey('UserEntity', ['checkedInBy'], ['id'], {
  name: 'fair_registrations_checked_in_by_fkey',
})
@ForeignKey('UserEntity', ['seekerUserId'], ['id'], {
  name: 'fair_registrations_seeker_user_id_fkey',
})
export class FairRegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'fair_id', type: 'uuid' })
  fairId: string;

  @Column({ name: 'seeker_user_id', type: 'uuid' })
  seekerUserId: string;

  /** 128 random bits, base64url: not guessable from any other ticket. */
  @Column({ name: 'ticket_code', type: 'varchar', length: 32 })
  ticketCode: string;

  @Column({ type: 'varchar', length: 16 })
  source: 'online' | 'walk_in' | 'window';

  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy: string | null;
}
