// What the web app knows of its session's end, from the expiry headers on every signed-in answer
// (seconds from now, so the browser's own clock needs no agreement with the server's).

export interface SessionClock {
  /** when the session goes idle, in this browser's clock (ms) */
  idleEndsAt: number;
  /** when it ends whatever the activity (the absolute lifetime) */
  absoluteEndsAt: number;
}

export const IDLE_HEADER = 'Sanad-Session-Idle-Seconds';
export const ABSOLUTE_HEADER = 'Sanad-Session-Absolute-Seconds';

let clock: SessionClock | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionClock | null): void {
  clock = next;
  for (const l of listeners) l();
}

/** Reads the expiry headers of an answer; answers without them (no session) change nothing. */
export function noteSessionHeaders(headers: Headers, now = Date.now()): void {
  const idle = Number.parseInt(headers.get(IDLE_HEADER) ?? '', 10);
  const absolute = Number.parseInt(headers.get(ABSOLUTE_HEADER) ?? '', 10);
  if (!Number.isFinite(idle) || !Number.isFinite(absolute)) return;
  publish({ idleEndsAt: now + idle * 1000, absoluteEndsAt: now + absolute * 1000 });
}

export function forgetSessionClock(): void {
  publish(null);
}

export const sessionClock = (): SessionClock | null => clock;

export function subscribeSessionClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type SessionPhase =
  | { phase: 'unknown' | 'active' }
  /** `extendable`: "stay signed in" would help (the absolute end is not the nearer one) */
  | { phase: 'warning'; endsAt: number; extendable: boolean }
  | { phase: 'expired' };

/** How long before the end the warning shows: two minutes, or half of a shorter idle timeout. */
export const warningLeadMs = (idleTimeoutSeconds: number) =>
  Math.min(120_000, (idleTimeoutSeconds * 1000) / 2);

export function sessionPhase(c: SessionClock | null, now: number, leadMs: number): SessionPhase {
  if (!c) return { phase: 'unknown' };
  const endsAt = Math.min(c.idleEndsAt, c.absoluteEndsAt);
  if (now >= endsAt) return { phase: 'expired' };
  if (endsAt - now > leadMs) return { phase: 'active' };
  return { phase: 'warning', endsAt, extendable: c.absoluteEndsAt > c.idleEndsAt };
}
