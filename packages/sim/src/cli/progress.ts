/**
 * Progress of a run in virtual time: a live bar on a terminal, a few plain lines otherwise (CI).
 * @packageDocumentation
 */
import cliProgress from 'cli-progress';
import { formatDuration } from '@kubesim/core';
import type { CliIo } from './cliIo.js';

/** Receives virtual time after every instant. */
export interface Progress {
  update(now: number, horizon: number): void;
  stop(): void;
}

/** Plain progress: one line at every tenth of the horizon. */
function plainProgress(io: CliIo, label: string): Progress {
  let nextTenth = 1;
  return {
    update(now, horizon) {
      if (horizon <= 0) return;
      while (nextTenth <= 10 && now >= (horizon * nextTenth) / 10) {
        io.writeProgress(
          `${label}: ${formatDuration(now)} of ${formatDuration(horizon)} (${nextTenth * 10}%)\n`,
        );
        nextTenth += 1;
      }
    },
    stop() {
      // Nothing to clear: plain lines stay.
    },
  };
}

/** A cli-progress bar on stderr showing virtual time against the horizon, redrawn per virtual second. */
function barProgress(label: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {virtual} / {horizon} virtual`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let shownSecond = -1;
  return {
    update(now, horizon) {
      if (!started) {
        bar.start(horizon, 0, { virtual: '0s', horizon: formatDuration(horizon) });
        started = true;
      }
      const second = Math.floor(now / 1000);
      if (second === shownSecond) return;
      shownSecond = second;
      bar.update(Math.min(now, horizon), { virtual: formatDuration(now - (now % 1000)) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** The progress display for `io`: a bar on a TTY, plain lines otherwise. */
export function createProgress(io: CliIo, label: string): Progress {
  return io.isTTY ? barProgress(label) : plainProgress(io, label);
}
