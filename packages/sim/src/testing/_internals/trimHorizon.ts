/**
 * A failing scenario cut to end just after its first violation.
 * @packageDocumentation
 */
import { parseDuration } from '@kubesim/core';
import type { Scenario } from '../../scenario/types.js';

/** How long a trimmed scenario runs past its first violation. */
export const TRIM_MARGIN = 1_000;

/**
 * The scenario with its horizon moved to `t + 1 s` (whole seconds) when that is sooner, and the
 * actions, faults and loads that would start after it dropped (loads stop at the new horizon).
 * Returns the scenario itself when there is nothing to cut.
 */
export function trimHorizon(s: Scenario, t: number): Scenario {
  const old = parseDuration(s.horizon);
  const horizon = Math.ceil((t + TRIM_MARGIN) / 1_000) * 1_000;
  if (horizon >= old) return s;
  const before = (at: string | number | undefined): boolean => parseDuration(at ?? 0) <= horizon;
  return {
    ...s,
    horizon,
    ...(s.actions !== undefined ? { actions: s.actions.filter((a) => before(a.at)) } : {}),
    ...(s.faults !== undefined ? { faults: s.faults.filter((f) => before(f.at)) } : {}),
    ...(s.traffic !== undefined
      ? {
          traffic: s.traffic
            .filter((l) => before(l.start))
            .map((l) =>
              l.until !== undefined && parseDuration(l.until) > horizon
                ? { ...l, until: horizon }
                : l,
            ),
        }
      : {}),
  };
}
