import { ApplicationHistoryEntity } from './entities/application-history.entity';
import { ApplicationEntity } from './entities/application.entity';
import { APPLICATION_STATUS_NAMES } from './application-status';

export function historyView(rows: ApplicationHistoryEntity[]) {
  return rows.map((h) => ({
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    toStatusName: APPLICATION_STATUS_NAMES[h.toStatus],
    actorRole: h.actorRole,
    note: h.note,
    at: h.createdAt,
  }));
}

export function applicationView(
  application: ApplicationEntity,
  vacancy: { title: string; employerName: string },
  history: ApplicationHistoryEntity[],
) {
  return {
    id: application.id,
    vacancyId: application.vacancyId,
    vacancyTitle: vacancy.title,
    employerId: application.employerId,
    employerName: vacancy.employerName,
    status: application.status,
    statusName: APPLICATION_STATUS_NAMES[application.status],
    coverNote: application.coverNote,
    fairId: application.fairId,
    appliedAt: application.createdAt,
    statusChangedAt: application.statusChangedAt,
    history: historyView(history),
  };
}
export type ApplicationView = ReturnType<typeof applicationView>;
