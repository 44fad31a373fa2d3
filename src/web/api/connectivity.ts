// Whether the server answered the last request: with navigator.onLine, what the offline banner
// shows. A dropped line often leaves navigator.onLine true, so failed fetches count too.

let reachable = true;
const listeners = new Set<() => void>();

export function noteReachable(value: boolean): void {
  if (value === reachable) return;
  reachable = value;
  for (const l of listeners) l();
}

export const serverReachable = (): boolean => reachable;

export function subscribeReachable(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
