/**
 * `kubesim serve [scenario.yaml] [--port N] [--speed X | --paused]` and
 * `kubesim advance <duration> --kubeconfig F`: a simulated cluster for kubectl.
 * @packageDocumentation
 */
import { request } from 'node:https';
import { parseArgs as parseNodeArgs } from 'node:util';
import { parseDuration } from '@kubesim/core';
import { parse as parseYaml } from 'yaml';
import { parseScenario } from '../scenario/index.js';
import { scheduleScenario } from '../scenario/scheduleScenario.js';
import { createSimulation } from '../simulation/createSimulation.js';
import type { Simulation } from '../simulation/types.js';
import type { CliIo } from './cliIo.js';
import { UsageError } from './cliErrors.js';
import type { CliCommandSpec, CommandOutcome, ServeCommandDeps } from './commandSpec.js';

const SERVE_OPTIONS = {
  port: { type: 'string' },
  speed: { type: 'string' },
  paused: { type: 'boolean' },
} as const;
const ADVANCE_OPTIONS = { kubeconfig: { type: 'string' } } as const;

function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** The default cluster of `kubesim serve` without a scenario: three nodes in two zones. */
function defaultSimulation(): Simulation {
  const sim = createSimulation({ seed: 0 });
  sim.addNodes(3, { zones: ['zone-a', 'zone-b'] });
  return sim;
}

function scenarioSimulation(io: CliIo, file: string): Simulation {
  const s = parseScenario(io.readFile(file));
  const sim = createSimulation({
    seed: s.seed,
    ...(s.config !== undefined ? { config: s.config } : {}),
  });
  for (const n of s.nodes ?? []) {
    const { count, ...template } = n;
    sim.addNodes(count, template);
  }
  if (s.manifests !== undefined) sim.apply(s.manifests);
  scheduleScenario(sim, s);
  return sim;
}

/** `kubesim serve`: runs until `deps.stopped`; prints the kubeconfig path first. */
export async function serveCommand(
  argv: readonly string[],
  io: CliIo,
  deps: ServeCommandDeps,
): Promise<CommandOutcome> {
  const { values, positionals } = usage(() =>
    parseNodeArgs({
      args: [...argv],
      options: SERVE_OPTIONS,
      allowPositionals: true,
      strict: true,
    }),
  );
  const [file, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  if (values.paused === true && values.speed !== undefined) {
    throw new UsageError('kubesim serve takes --speed or --paused, not both');
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a port number, got ${JSON.stringify(values.port)}`);
  }
  const speedText = values.speed;
  const speed = typeof speedText === 'string' ? Number(speedText) : 1;
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new UsageError(`--speed must be a positive number, got ${JSON.stringify(speedText)}`);
  }
  const sim = file === undefined ? defaultSimulation() : scenarioSimulation(io, file);
  const server = await sim.serve({ port, ...(values.paused === true ? {} : { speed }) });
  deps.print(`${server.kubeconfigPath}\n`);
  io.writeProgress(
    `kubesim: serving at ${server.url} (${values.paused === true ? 'paused: kubesim advance <duration> moves time' : `speed ${speed}`}); kubectl --kubeconfig ${server.kubeconfigPath} get nodes\n`,
  );
  await deps.stopped;
  await server.close();
  return { exitCode: 0, output: '' };
}

/** `kubesim advance 5m --kubeconfig F`: POST /kubesim/v1/advance on the served cluster. */
export async function advanceCommand(argv: readonly string[], io: CliIo): Promise<CommandOutcome> {
  const { values, positionals } = usage(() =>
    parseNodeArgs({
      args: [...argv],
      options: ADVANCE_OPTIONS,
      allowPositionals: true,
      strict: true,
    }),
  );
  const [by, ...rest] = positionals;
  if (by === undefined) throw new UsageError('kubesim advance needs a duration, e.g. 5m');
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  usage(() => parseDuration(by));
  const file = values.kubeconfig ?? process.env['KUBECONFIG'];
  if (typeof file !== 'string' || file === '')
    throw new UsageError('kubesim advance needs --kubeconfig F');
  const doc = parseYaml(io.readFile(file)) as {
    clusters?: { cluster?: { server?: string; 'certificate-authority-data'?: string } }[];
    users?: { user?: { token?: string } }[];
  };
  const cluster = doc.clusters?.[0]?.cluster;
  const token = doc.users?.[0]?.user?.token;
  if (cluster?.server === undefined || token === undefined) {
    throw new UsageError(`${file} is not a kubeconfig written by kubesim serve`);
  }
  const ca = Buffer.from(cluster['certificate-authority-data'] ?? '', 'base64').toString();
  const url = new URL(`/kubesim/v1/advance?by=${encodeURIComponent(by)}`, cluster.server);
  const answer = await new Promise<{ status: number; text: string }>((resolve) => {
    const req = request(
      url,
      { method: 'POST', ca, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', (err) => {
      resolve({
        status: 0,
        text: JSON.stringify({ message: `cannot reach ${cluster.server ?? ''}: ${err.message}` }),
      });
    });
    req.end();
  });
  const body = JSON.parse(answer.text) as { now?: number; message?: string };
  if (answer.status !== 200)
    return { exitCode: 2, output: `kubesim: advance refused: ${body.message ?? answer.text}\n` };
  return { exitCode: 0, output: `advanced ${by}; virtual time is now ${String(body.now)} ms\n` };
}

/** The process's own: stop on SIGINT or SIGTERM, print to stdout. */
export function processServeDeps(): ServeCommandDeps {
  return {
    stopped: new Promise((resolve) => {
      process.once('SIGINT', () => {
        resolve();
      });
      process.once('SIGTERM', () => {
        resolve();
      });
    }),
    print: (text) => {
      process.stdout.write(text);
    },
  };
}

/** The arguments of `serve` and `advance` as the table reads them: the command line again. */
interface RawArgs {
  readonly argv: readonly string[];
}

/** Turns parsed option values back into arguments for the commands' own strict parsing. */
function rawArgs(
  positionals: readonly string[],
  values: Readonly<Record<string, unknown>>,
): RawArgs {
  const argv: string[] = [...positionals];
  for (const [name, value] of Object.entries(values)) {
    if (value === true) argv.push(`--${name}`);
    else if (typeof value === 'string') argv.push(`--${name}`, value);
  }
  return { argv };
}

/** `kubesim serve`, as a command of the CLI's table. */
export const serveSpec: CliCommandSpec<RawArgs> = {
  name: 'serve',
  usage: ['serve [scenario.yaml] [--port N] [--speed X | --paused]'],
  options: SERVE_OPTIONS,
  read: rawArgs,
  run: (io, args, deps) => serveCommand(args.argv, io, deps.serve ?? processServeDeps()),
};

/** `kubesim advance`, as a command of the CLI's table. */
export const advanceSpec: CliCommandSpec<RawArgs> = {
  name: 'advance',
  usage: ['advance <duration> --kubeconfig F'],
  options: ADVANCE_OPTIONS,
  read: rawArgs,
  run: (io, args) => advanceCommand(args.argv, io),
};
