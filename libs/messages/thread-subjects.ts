import { Injectable } from '@nestjs/common';
import { ApplicationService } from '@jipin/applications';
import { IntentService } from '@jipin/intents';

/**
 * Who a conversation about a subject is between, and what it is called. The
 * other side is an employer; or a person who posted (posterUserId, with
 * employerId set to the same id).
 */
export interface ThreadSubject {
  seekerUserId: string;
  employerId: string;
  posterUserId?: string | null;
  title: string;
}

/** Finds the parties of one kind of subject; undefined when there is no such subject. */
export type ThreadSubjectResolver = (subjectId: string) => Promise<ThreadSubject | undefined>;

/**
 * The kinds of thing a thread can be about. Applications and intents come
 * built in; another module (the gig market) registers its own kind at start.
 */
@Injectable()
export class ThreadSubjects {
  private readonly resolvers = new Map<string, ThreadSubjectResolver>();

  constructor(applications: ApplicationService, intents: IntentService) {
    this.register('application', async (id) => {
      const parties = await applications.parties(id);
      return parties && { ...parties, title: parties.vacancyTitle };
    });
    this.register('intent', async (id) => {
      const parties = await intents.parties(id);
      return parties && { ...parties, title: parties.vacancyTitle };
    });
  }

  register(kind: string, resolver: ThreadSubjectResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`Thread subject "${kind}" registered twice`);
    this.resolvers.set(kind, resolver);
  }

  kinds(): string[] {
    return [...this.resolvers.keys()];
  }

  async resolve(kind: string, subjectId: string): Promise<ThreadSubject | undefined> {
    return this.resolvers.get(kind)?.(subjectId);
  }
}
