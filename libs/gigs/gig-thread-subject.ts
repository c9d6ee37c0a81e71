import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ThreadSubject, ThreadSubjects } from '@jipin/messages';

/** Places whose worker and poster may talk: taken or waiting, not given up or ended. */
const TALKING = ['accepted', 'waitlisted', 'confirmed'];

/**
 * Registers 'gig' threads with messages: one thread per place on a gig,
 * between the worker and the poster (the employer's recruiters, or the person
 * who posted: an individual, or township staff who posted for someone).
 */
@Injectable()
export class GigThreadSubject implements OnModuleInit {
  constructor(
    private readonly subjects: ThreadSubjects,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.subjects.register('gig', (assignmentId) => this.parties(assignmentId));
  }

  async parties(assignmentId: string): Promise<ThreadSubject | undefined> {
    const [row]: GigParties[] = await this.dataSource.query(
      `select a.worker_user_id as "workerUserId", a.status, g.title,
              g.poster_user_id as "posterUserId", g.employer_id as "employerId"
         from gig_assignments a join gigs g on g.id = a.gig_id where a.id = $1`,
      [assignmentId],
    );
    if (!row || !TALKING.includes(row.status)) return undefined;
    return {
      seekerUserId: row.workerUserId,
      employerId: row.employerId ?? row.posterUserId,
      posterUserId: row.employerId ? null : row.posterUserId,
      title: `零工：${row.title}`,
    };
  }
}

interface GigParties {
  workerUserId: string;
  status: string;
  title: string;
  posterUserId: string;
  employerId: string | null;
}
