// Every fast-check property in `npm test` runs from one fixed seed, so a CI run is reproducible
// (DESIGN.md point 3: determinism). Explore other seeds with FC_SEED=<n> or FC_SEED=random; a
// failure prints its seed and path, which replay it exactly.
import fc from 'fast-check';

const env = process.env['FC_SEED'];
if (env !== 'random') {
  const seed = env === undefined || env === '' ? 20_251_124 : Number(env);
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", got ${env}`);
  fc.configureGlobal({ seed });
}
