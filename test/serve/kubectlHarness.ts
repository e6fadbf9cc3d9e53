/**
 * Runs the image's real kubectl against a `kubesim serve` child process.
 * @packageDocumentation
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The kubectl the machine image carries (v1.32); the tests refuse to run without it. */
export const KUBECTL = '/usr/bin/kubectl';

/** Throws a loud error when kubectl is missing or not 1.32. */
export function requireKubectl(): void {
  if (!existsSync(KUBECTL)) {
    throw new Error(
      `${KUBECTL} is missing: the kubectl tests need the image's kubectl v1.32 (they never skip)`,
    );
  }
  const v = spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' });
  if (!/Client Version: v1\.32\./.test(v.stdout)) {
    throw new Error(`${KUBECTL} is not v1.32: ${v.stdout}${v.stderr}`);
  }
}

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'packages/sim/dist/cli/main.js');

/** A running `kubesim serve` and kubectl bound to it. */
export interface ServedCluster {
  readonly kubeconfig: string;
  kubectl(
    args: readonly string[],
    opts?: { input?: string; timeoutMs?: number },
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Starts a long-running kubectl (e.g. `get pods -w`); `stop()` ends it and returns its output. */
  kubectlStream(args: readonly string[]): { stop: () => Promise<string> };
  stop(): Promise<void>;
}

/** Starts `kubesim serve <args>` and waits for the kubeconfig path it prints. */
export async function startServe(args: readonly string[]): Promise<ServedCluster> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kubesim-kubectl-cache-'));
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const kubeconfig = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl).trim());
    });
    child.on('exit', (code) => {
      reject(new Error(`kubesim serve exited with ${String(code)}: ${stderr}`));
    });
  });
  const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: cacheDir, HOME: cacheDir };
  return {
    kubeconfig,
    kubectl: (a, opts = {}) =>
      new Promise((resolve) => {
        const p = spawn(KUBECTL, [...a], { env, stdio: ['pipe', 'pipe', 'pipe'] });
        let so = '';
        let se = '';
        p.stdout.on('data', (c: Buffer) => (so += c.toString()));
        p.stderr.on('data', (c: Buffer) => (se += c.toString()));
        const timer = setTimeout(() => p.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
        p.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code: code ?? -1, stdout: so, stderr: se });
        });
        p.stdin.end(opts.input ?? '');
      }),
    kubectlStream: (a) => {
      const p = spawn(KUBECTL, [...a], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let so = '';
      p.stdout.on('data', (c: Buffer) => (so += c.toString()));
      p.stderr.on('data', (c: Buffer) => (so += c.toString()));
      return {
        stop: () =>
          new Promise<string>((resolve) => {
            p.on('close', () => {
              resolve(so);
            });
            p.kill('SIGTERM');
          }),
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.on('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Waits (wall time) for `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
