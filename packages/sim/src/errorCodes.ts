/**
 * The table of the error codes `@kubesim/sim` adds to core's (a run may also throw every
 * {@link CoreErrorCode}): the code, the class that carries it and what it means.
 * @packageDocumentation
 */
import type { CoreErrorCode } from '@kubesim/core';

/** Every code `@kubesim/sim` adds, with its class and meaning. */
export const SIM_ERROR_CODES = {
  TimeTravel: 'TimeTravelError: virtual time was asked to move backwards (an engine bug)',
  BehaviorInvalid: "BehaviorInvalidError: a pod's kubesim behaviour annotation is not valid",
  InvariantSetup: 'InvariantSetupError: an invariant got a Simulation not made by createSimulation',
  InvariantViolated: 'InvariantViolationError: an invariant broke during a model-based run',
  PropertyFailed:
    'ScenarioPropertyError: a scenario property failed; the message shows the smallest counterexample',
  DrainRefused: 'DrainRefusedError: a scenario drain could not finish (a budget kept refusing)',
  Nondeterministic: 'NondeterminismError: the same scenario gave two different trace hashes',
  KubectlUnsupported: 'KubectlUnsupportedError: kubectl get/describe has no printer for the kind',
  Usage: 'UsageError: the command line is not valid (the CLI prints usage)',
  FileUnusable: 'CliFileError: the CLI cannot read or write a file the user named',
  Unavailable: 'KubesimError: a node cut off from the control plane tried to write to it',
} as const;

/** A code `@kubesim/sim` adds (the keys of {@link SIM_ERROR_CODES}). */
export type SimErrorCode = keyof typeof SIM_ERROR_CODES;

/** Every code a simulation can throw: core's and sim's. */
export type KubesimErrorCode = CoreErrorCode | SimErrorCode;
