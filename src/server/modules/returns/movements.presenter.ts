import type {
  EscortKind,
  Movement,
  MovementKind,
  MovementStatus,
  MovementSummary,
  PassengerStatus,
} from '../../../domain/returns/movements';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { movementPolicy, passengerPolicy } from './movements.policy';
import { escortsOf, loadMovement, type MovementRow, passengersOf, takenSeats } from './movements.queries';

export const personName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

export function presentSummary(w: Work, m: MovementRow, taken: number): MovementSummary {
  return {
    id: m.id,
    reference: m.reference,
    kind: m.kind as MovementKind,
    departsOn: m.departsOn,
    route: m.route,
    destinationCountry: m.destinationCountry,
    carrier: m.carrier,
    flightNumber: m.flightNumber,
    seats: m.seats,
    taken,
    status: m.status as MovementStatus,
    departedAt: m.departedAt ? iso(m.departedAt) : null,
    projectId: m.projectId,
    version: m.version,
    allowedActions: allowedActions(w.actor, movementPolicy, { status: m.status }),
  };
}

/** The movement with the passengers the reader may see and its escorts. */
export async function presentMovement(w: Work, id: string): Promise<Movement> {
  const m = await loadMovement(w, id);
  const [taken, passengers, escorts] = await Promise.all([
    takenSeats(w, [m.id]),
    passengersOf(w, m),
    escortsOf(w, m.id),
  ]);
  return {
    ...presentSummary(w, m, taken.get(m.id) ?? 0),
    passengers: passengers.map((p) => ({
      caseId: p.caseId,
      caseReference: p.caseReference,
      caseState: p.caseState,
      personId: p.personId,
      personName: personName(p),
      registrationNumber: p.registrationNumber,
      nationality: p.nationality,
      status: p.status as PassengerStatus,
      needsMedicalEscort: p.needsMedicalEscort,
      departedAt: p.departedAt ? iso(p.departedAt) : null,
      allowedActions: allowedActions(w.actor, passengerPolicy, p.record),
    })),
    escorts: escorts.map((e) => ({ id: e.id, kind: e.kind as EscortKind, name: e.name, userId: e.userId })),
  };
}
