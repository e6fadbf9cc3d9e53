/**
 * Example: a rolling update, a PodDisruptionBudget and a drain — the budget slows the drain, not
 * the rollout.
 *
 * A 4-replica Deployment (maxSurge 1, maxUnavailable 1, pods Ready 10 s after start) rolls from
 * web:1.0 to web:2.0. A PDB asks for minAvailable 3, and one second into the rollout an operator
 * drains a node. The program runs the same rollout three times — alone, with the PDB, with the PDB
 * and the drain — and prints each rollout's steps and completion time: they are identical, because
 * a Deployment scales old ReplicaSets down with plain deletes, which PDBs do not gate. The drain,
 * which goes through the Eviction API, is refused (429) while only 3 pods are healthy.
 *
 * A fourth run drains the node of a new pod that is not Ready yet: the Eviction API lets such a
 * pod go without using the budget, and the rollout, which was waiting for it, ends later. That is
 * the one way a drain slows this rollout, and the PDB is not what does it.
 *
 * Run: `npx tsc -b tsconfig.build.json && node examples/dist/rolling-update-with-drain/main.js`
 */
import { MIN_AVAILABLE, runRollout, type RolloutRun } from './rollout.js';

function show(title: string, run: RolloutRun): void {
  console.log(`\n${title}`);
  console.log('     t   (new, old)  ready  PDB healthy/allowed  drain 429s');
  for (const s of run.steps) {
    const pdb = s.pdb ? `${s.pdb.healthy}/${s.pdb.allowed}` : '-';
    console.log(
      `  ${`+${s.t / 1000}s`.padStart(6)}   (${s.newReplicas}, ${s.oldReplicas})      ${String(s.ready).padEnd(5)}  ${pdb.padEnd(19)}  ${s.refusals ?? '-'}`,
    );
  }
  console.log(
    `  rollout complete at +${run.completedAfterMs / 1000}s; fewest ready endpoints: ${run.minReady} (trace ${run.traceHash})`,
  );
}

const alone = runRollout({ pdb: false, drain: false });
const withPdb = runRollout({ pdb: true, drain: false });
const withDrain = runRollout({ pdb: true, drain: 'old-pod-node' });
const drainingNewPod = runRollout({ pdb: true, drain: 'new-pod-node' });

show('1. rollout alone', alone);
show(`2. rollout with a PDB (minAvailable ${MIN_AVAILABLE})`, withPdb);
show('3. rollout with the PDB and a drain started at +1s', withDrain);

function showDrain(run: RolloutRun): void {
  const d = run.drain;
  if (d === undefined) return;
  console.log(`  drain of ${d.node} (it ran ${d.pods.join(', ')}):`);
  console.log(`    refused with 429 ${d.refusals} times (retried every 5 s)`);
  console.log(
    d.evicted.length === 0
      ? `    no eviction was ever admitted: the rollout scaled the old pod away (a plain delete); node empty at +${d.doneAfterMs / 1000}s`
      : `    evicted ${d.evicted.join(', ')}; node empty at +${d.doneAfterMs / 1000}s`,
  );
}
showDrain(withDrain);

const same =
  alone.completedAfterMs === withPdb.completedAfterMs &&
  alone.completedAfterMs === withDrain.completedAfterMs;
show('4. the same, but the drained node runs a new pod that is not Ready yet', drainingNewPod);
showDrain(drainingNewPod);
console.log(
  `  the unready new pod was evicted without using the budget (IfHealthyBudget); its replacement, created at once, needs its own warm-up, so the rollout ends ${(drainingNewPod.completedAfterMs - alone.completedAfterMs) / 1000}s later — the drain's doing, not the PDB's`,
);

console.log(
  `\nrollout completion: ${alone.completedAfterMs / 1000}s alone, ${withPdb.completedAfterMs / 1000}s with the PDB, ${withDrain.completedAfterMs / 1000}s with the PDB and the drain -> ${same ? 'equal: the PDB did not slow the rollout' : 'different'}`,
);
