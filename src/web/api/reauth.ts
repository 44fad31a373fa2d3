// A request that finds its session gone waits here while the user signs in again in a dialog on
// the same page; every request that fails meanwhile waits for the same dialog.

/** Opens the dialog; resolves with the id of the user signed in, or null if the user gave up. */
export type ReauthHandler = () => Promise<string | null>;

let handler: ReauthHandler | null = null;
let pending: Promise<string | null> | null = null;

/** Registered by the signed-in layout while it is shown; null removes it. */
export function onReauthenticate(h: ReauthHandler | null): void {
  handler = h;
}

/** The running (or a new) re-authentication, or null when no dialog can be shown. */
export function reauthenticate(): Promise<string | null> | null {
  if (!handler) return null;
  if (!pending) {
    const run = handler();
    pending = run;
    const done = () => {
      if (pending === run) pending = null;
    };
    run.then(done, done);
  }
  return pending;
}
