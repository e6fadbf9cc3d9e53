#!/usr/bin/env node
/**
 * The `kubesim` bin: `kubesim run|replay|demo`. See {@link runCli}.
 * @packageDocumentation
 */
import { processIo } from './cliIo.js';
import { runCli } from './runCli.js';

const outcome = await runCli(process.argv.slice(2), processIo());
// Bad input goes to stderr, results to stdout.
(outcome.exitCode === 2 ? process.stderr : process.stdout).write(outcome.output);
process.exitCode = outcome.exitCode;
