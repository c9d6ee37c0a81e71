import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A gig offered to a worker in a dispatch wave; one per gig and worker, so no one is told twice. */
@Entity('gig_offers')
@Index('gig_offers_wave', ['gigId', 'wave'])
@ForeignKey('GigEntity', ['gigId'], ['id'], { name: 'gig_offers_gig_id_fkey', onDelete: 'CASCADE' })
export class GigOfferEntity {
  @PrimaryColumn({ name: 'gig_id', type: 'uuid' })
  gigId: string;

  @PrimaryColumn({ name: 'worker_user_id', type: 'uuid' })
  workerUserId: string;

  @Column({ type: 'int' })
  wave: number;

  @Column({ name: 'distance_km', type: 'real' })
  distanceKm: number;

  @Column({ name: 'offered_at', type: 'timestamptz', default: () => 'now()' })
  offeredAt: Date;
}
