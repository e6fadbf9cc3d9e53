/**
 * Runs virtual time at `speed` × wall time while a simulation is served. Wall time only decides
 * how far to advance; the advance is quantised to whole steps of virtual time, and runFor in
 * pieces is the same run as one runFor, so the trace depends on virtual time alone.
 * @packageDocumentation
 */

/** Virtual ms per advance step: the grid served writes and reads land on. */
export const SPEED_STEP_MS = 100;

/** Starts advancing `advance(ms)` at `speed`; returns a stop function. */
export function startSpeedDriver(speed: number, advance: (ms: number) => void): () => void {
  const started = performance.now();
  let advanced = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) * speed) / SPEED_STEP_MS) * SPEED_STEP_MS;
    if (due > advanced) {
      const by = due - advanced;
      advanced = due;
      advance(by);
    }
  }, 20);
  return () => {
    clearInterval(timer);
  };
}
