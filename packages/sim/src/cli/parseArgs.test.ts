import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from './parseArgs.js';

describe('parseCliArgs', () => {
  it('reads run with its options, --show repeated', () => {
    expect(
      parseCliArgs([
        'run',
        's.yaml',
        '--seed',
        '7',
        '--show',
        'service/web',
        '--show',
        'deploy/web',
        '--report',
        'r.html',
        '--json',
      ]),
    ).toEqual({
      command: 'run',
      file: 's.yaml',
      seed: '7',
      show: ['service/web', 'deploy/web'],
      report: 'r.html',
      json: true,
    });
    expect(parseCliArgs(['run', 's.json'])).toEqual({
      command: 'run',
      file: 's.json',
      show: [],
      json: false,
    });
  });

  it('reads replay and demo', () => {
    expect(parseCliArgs(['replay', 'f.json'])).toEqual({
      command: 'replay',
      file: 'f.json',
      json: false,
    });
    expect(parseCliArgs(['demo', '--report', 'out.html'])).toEqual({
      command: 'demo',
      report: 'out.html',
      json: false,
    });
  });

  it('gives help for no arguments or --help, and the version for --version', () => {
    expect(parseCliArgs([])).toEqual({ command: 'help' });
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['-v'])).toEqual({ command: 'version' });
  });

  it('refuses unknown commands and options, missing files and options a command does not take', () => {
    expect(() => parseCliArgs(['fly'])).toThrow(UsageError);
    expect(() => parseCliArgs(['run', 's.yaml', '--fast'])).toThrow(/--fast/);
    expect(() => parseCliArgs(['run'])).toThrow(/needs a scenario file/);
    expect(() => parseCliArgs(['replay', 'f.json', '--seed', '3'])).toThrow(/does not take --seed/);
    expect(() => parseCliArgs(['demo', 'extra'])).toThrow(/unexpected argument/);
  });
});
