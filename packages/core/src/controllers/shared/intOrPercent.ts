/**
 * The one int-or-percent scaler of the controllers, as apimachinery's
 * `intstr.GetScaledValueFromIntOrPercent` computes it (staging/src/k8s.io/apimachinery/pkg/util/
 * intstr/intstr.go, `getIntOrPercentValueSafely`): used by the Deployment's rolling-update
 * fenceposts and by the disruption controller's budgets.
 * @packageDocumentation
 */
import type { IntOrString } from '../../objects/meta.js';

/** The scaled value, or upstream's error text for a string that is not `<int>%`. */
export type ScaledIntOrPercent =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/**
 * An int-or-percent scaled against `total`: an integer as is; `'N%'` as N·total/100 rounded up
 * (`roundUp`) or down, in the same float arithmetic as upstream. Like upstream's `strconv.Atoi`, the
 * number before `%` may carry a sign (`'+10%'`, `'-10%'`); admission refuses those in objects, so
 * only hand-built objects reach that case.
 * @example scaledIntOrPercent('25%', 10, true) // { ok: true, value: 3 }
 * @example scaledIntOrPercent('25%', 10, false) // { ok: true, value: 2 }
 * @example scaledIntOrPercent('5', 10, true).ok === false // a string must end in '%'
 */
export function scaledIntOrPercent(
  value: IntOrString,
  total: number,
  roundUp: boolean,
): ScaledIntOrPercent {
  if (typeof value === 'number') return { ok: true, value };
  if (!value.endsWith('%')) {
    return {
      ok: false,
      error: 'invalid value for IntOrString: invalid type: string is not a percentage',
    };
  }
  const digits = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) {
    return { ok: false, error: `invalid value "${value}": invalid syntax` };
  }
  const exact = (Number(digits) * total) / 100;
  return { ok: true, value: roundUp ? Math.ceil(exact) : Math.floor(exact) };
}
