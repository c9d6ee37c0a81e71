import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A seeker's place at a fair: the ticket (QR code) and the check-in at the door. */
@Entity('fair_registrations')
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
