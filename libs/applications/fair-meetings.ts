import { EntityManager } from 'typeorm';

/**
 * Whether a person checked in at a fair where the employer had an approved booth. The fairs lib
 * provides it under FAIR_MEETINGS: it imports this lib (applying at a fair), so this lib cannot
 * import it and finds the provider at run time.
 */
export interface FairMeetings {
  metAtFair(manager: EntityManager, seekerUserId: string, employerId: string): Promise<boolean>;
}

export const FAIR_MEETINGS = Symbol('FAIR_MEETINGS');
