/**
 * Every `kubesim` command. To add one, write a file exporting a `CliCommandSpec` and list it here.
 * @packageDocumentation
 */
import type { CliCommandSpec } from './commandSpec.js';
import { demoSpec } from './demoCommand.js';
import { replaySpec } from './replayCommand.js';
import { runSpec } from './runCommand.js';
import { advanceSpec, serveSpec } from './serveCommands.js';

/** The commands of the `kubesim` bin, in the order the usage lists them. */
export const CLI_COMMANDS: readonly CliCommandSpec[] = [
  runSpec,
  replaySpec,
  demoSpec,
  serveSpec,
  advanceSpec,
];
