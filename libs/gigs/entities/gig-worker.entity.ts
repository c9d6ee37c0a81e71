import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * The driver reads a date[] as Dates at local midnight (a single date column
 * TypeORM gives as a string): back to the YYYY-MM-DD they were.
 */
const dateStrings = {
  to: (dates: string[]) => dates,
  from: (dates: (Date | string)[] | null) =>
    dates?.map((d) =>
      typeof d === 'string'
        ? d
        : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
    ) ?? [],
};

/** A person who takes gigs: where they are, how far they go, when they are free, what they can do. */
@Entity('gig_workers')
@Index('gig_workers_place', { synchronize: false })
@Index('gig_workers_township', ['townshipCode'])
@Check('gig_workers_radius_km_check', '(radius_km BETWEEN 1 AND 100)')
export class GigWorkerEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'seeker_profile_id', type: 'uuid', nullable: true })
  seekerProfileId: string | null;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode: string;

  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode: string | null;

  /** The village's (or township's) map point from the region file. */
  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  @Column({ name: 'radius_km', type: 'int' })
  radiusKm: number;

  @Column({ type: 'text', array: true, default: [] })
  skills: string[];

  /** Single dates marked free (today, tomorrow …), as YYYY-MM-DD. */
  @Column({
    name: 'available_dates',
    type: 'date',
    array: true,
    default: [],
    transformer: dateStrings,
  })
  availableDates: string[];

  /** Days of the week free every week, 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint', array: true, default: [] })
  weekdays: number[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Signed up at the window: reached by SMS or the clerk's phone call. */
  @Column({ name: 'no_smartphone', type: 'boolean', default: false })
  noSmartphone: boolean;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
