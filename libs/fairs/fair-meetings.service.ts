import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FairMeetings } from '@jipin/applications';

/** A meeting is a check-in at a fair where the employer had an approved booth; a registration alone is not. */
@Injectable()
export class FairMeetingsService implements FairMeetings {
  async metAtFair(
    manager: EntityManager,
    seekerUserId: string,
    employerId: string,
  ): Promise<boolean> {
    const [met] = await manager.query(
      `select 1 from fair_registrations r
         join fair_booths b on b.fair_id = r.fair_id
        where r.seeker_user_id = $1 and r.checked_in_at is not null
          and b.employer_id = $2 and b.status = 'approved'
        limit 1`,
      [seekerUserId, employerId],
    );
    return Boolean(met);
  }
}
