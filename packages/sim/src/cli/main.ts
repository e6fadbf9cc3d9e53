#!/usr/bin/env node
/**
 * The `kubesim` bin: `kubesim run|replay|demo`. See {@link runCli}.
 * @packageDocumentation
 */
import { processIo } from './cliIo.js';
import { runCli } from './runCli.js';

/** Exit code of an error that is kubesim's own bug (BSD sysexits' EX_SOFTWARE). */
const INTERNAL_ERROR = 70;

try {
  const outcome = await runCli(process.argv.slice(2), processIo());
  // Bad input goes to stderr, results to stdout.
  (outcome.exitCode === 2 ? process.stderr : process.stdout).write(outcome.output);
  process.exitCode = outcome.exitCode;
} catch (err) {
  // Not the user's input: a bug in kubesim. One line, no stack trace unless asked for.
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  process.stderr.write(
    `kubesim: internal error (a bug in kubesim, please report it): ${what}\n` +
      (process.env.KUBESIM_DEBUG === '1' && err instanceof Error && err.stack !== undefined
        ? `${err.stack}\n`
        : 'set KUBESIM_DEBUG=1 to print the stack trace\n'),
  );
  process.exitCode = INTERNAL_ERROR;
}
