import { EntityManager } from 'typeorm';
import { Principal } from '@jipin/accounts';
import { OutboxService, PiiCipher } from '@jipin/core';
import { insertLedgerEmployers } from '@jipin/employers';
import { insertLedgerAttendees, insertLedgerBooths, insertLedgerFairs } from '@jipin/fairs';
import { insertLedgerIntents, insertLedgerPlacements, LedgerPlacement } from '@jipin/intents';
import {
  chinaDayInstant,
  EmploymentStatus,
  insertLedgerPeople,
  ledgerKeyGroupsOn,
  LedgerPersonRef,
  ledgerStatusBefore,
  recordLedgerHires,
} from '@jipin/seekers';
import { insertLedgerPosts, ledgerPostKey } from '@jipin/vacancies';
import { ExistingRecords, LedgerPlan } from './ledger-plan';
import { emptyCounts, LedgerCounts } from './ledger-report';

/**
 * Writes a checked plan in the caller's transaction, ledger by ledger, each
 * through the functions of the lib that owns its tables, and counts what is new.
 */
export async function writeLedgers(
  { cipher, outbox }: { cipher: PiiCipher; outbox: OutboxService },
  manager: EntityManager,
  actor: Principal,
  plan: LedgerPlan,
  existing: ExistingRecords,
  today: string,
): Promise<LedgerCounts> {
  const created = emptyCounts();
  const people = new Map([
    ...existing.people,
    ...(await insertLedgerPeople(manager, cipher, outbox, plan.people, actor.userId)),
  ]);
  const employers = new Map([
    ...existing.employers,
    ...(await insertLedgerEmployers(manager, cipher, plan.employers, actor.userId)),
  ]);
  const newPosts = plan.posts.map((p) => {
    const employer = plan.employerRows.get(p.creditCode);
    return {
      ...p,
      employerId: employers.get(p.creditCode)!.id,
      address: p.address || employer?.address || '',
      contactName: p.contactName || employer!.contactName,
      contactPhone: p.contactPhone || employer!.contactPhone,
    };
  });
  const posts = new Map([
    ...existing.posts,
    ...(await insertLedgerPosts(manager, cipher, outbox, newPosts, actor.userId, today)),
  ]);
  const boothsPerFair = new Map<string, number>();
  for (const b of plan.booths)
    boothsPerFair.set(b.fairNumber, (boothsPerFair.get(b.fairNumber) ?? 0) + 1);
  const fairs = new Map([
    ...existing.fairs,
    ...(await insertLedgerFairs(
      manager,
      plan.fairs.map((f) => ({
        ...f,
        startsAt: chinaDayInstant(f.startsOn, 9),
        endsAt: chinaDayInstant(f.endsOn, 17),
        boothCount: boothsPerFair.get(f.number) ?? 0,
      })),
      actor.userId,
      new Date(),
    )),
  ]);
  const post = (creditCode: string, number: string) =>
    posts.get(ledgerPostKey(creditCode, number))!;
  const booths = await insertLedgerBooths(
    manager,
    plan.booths.map((b) => ({
      fairId: fairs.get(b.fairNumber)!.id,
      employerId: employers.get(b.creditCode)!.id,
      boothNumber: b.boothNumber,
      vacancyIds: b.postNumbers.map((n) => post(b.creditCode, n).id),
    })),
    actor.userId,
  );
  created.attendees = await insertLedgerAttendees(
    manager,
    plan.attendees.map((a) => {
      const fair = fairs.get(a.fairNumber)!;
      return {
        fairId: fair.id,
        seekerUserId: people.get(a.idNumber)!.userId,
        checkedInAt: new Date(new Date(fair.startsAt).getTime() + 3600_000),
      };
    }),
    actor.userId,
  );
  const intentOf = (
    person: LedgerPersonRef,
    creditCode: string,
    number: string,
    on: string,
    fairId: string | null,
  ) => {
    const p = post(creditCode, number);
    return {
      seekerUserId: person.userId,
      seekerProfileId: person.profileId,
      vacancyId: p.id,
      employerId: p.employerId,
      townshipCode: person.townshipCode,
      fairId,
      recordedOn: on,
    };
  };
  const actorRef = { userId: actor.userId, role: actor.role };
  created.intents = await insertLedgerIntents(
    manager,
    plan.intents.map((i) =>
      intentOf(
        people.get(i.idNumber)!,
        i.creditCode,
        i.postNumber,
        i.agreedOn,
        i.fairNumber ? fairs.get(i.fairNumber)!.id : null,
      ),
    ),
    actorRef,
  );
  const placements: LedgerPlacement[] = plan.placements.map((p) => {
    const target = post(p.creditCode, p.postNumber);
    return {
      ...intentOf(people.get(p.idNumber)!, p.creditCode, p.postNumber, p.hiredOn, null),
      workplaceTownshipCode: target.townshipCode,
      hiredOn: p.hiredOn,
      leftOn: p.leftOn,
      occupationCode: target.occupationCode,
    };
  });
  const byProfile = new Map([...people.values()].map((p) => [p.profileId, p]));
  const hiredInImport = new Set<string>();
  const hires = await insertLedgerPlacements(manager, placements, actorRef, async (p) => {
    const person = byProfile.get(p.seekerProfileId)!;
    const before: EmploymentStatus = hiredInImport.has(person.profileId)
      ? 'employed'
      : await ledgerStatusBefore(manager, person, p.hiredOn);
    hiredInImport.add(person.profileId);
    return {
      keyGroups: ledgerKeyGroupsOn(person, p.hiredOn, before),
      employmentStatusBefore: before,
    };
  });
  await recordLedgerHires(
    manager,
    outbox,
    hires.map((h) => ({
      profileId: h.seekerProfileId,
      hiredOn: h.hiredOn,
      placementId: h.placementId,
    })),
    actor.userId,
    today,
  );
  created.people = plan.people.length;
  created.employers = plan.employers.length;
  created.posts = plan.posts.length;
  created.fairs = plan.fairs.length;
  created.booths = booths.created;
  created.placements = hires.length;
  return created;
}
