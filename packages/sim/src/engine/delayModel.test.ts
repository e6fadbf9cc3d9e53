import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { delaySampler, isFixedDelay, sampleDelay, validateDelayModel } from './delayModel.js';
import { InvalidArgumentError } from './engineErrors.js';
import { RandomStreams } from './randomStreams.js';

describe('DelayModel', () => {
  it('returns a fixed delay without drawing from the stream', () => {
    const streams = new RandomStreams(1);
    const s = streams.stream('w');
    expect(sampleDelay(250, s)).toBe(250);
    expect(sampleDelay({ min: 40, max: 40 }, s)).toBe(40);
    // the stream is untouched: its next draw equals a fresh stream's first draw
    expect(s.nextInt(1e9)).toBe(new RandomStreams(1).stream('w').nextInt(1e9));
    expect(isFixedDelay(0)).toBe(true);
    expect(isFixedDelay({ min: 0, max: 1 })).toBe(false);
  });

  it('draws jitter inside the inclusive range, reproducibly per seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), (seed, a, width) => {
        const model = { min: a, max: a + width };
        const draw = (): number[] => {
          const next = delaySampler(model, new RandomStreams(seed), 'watch/x');
          return [next(), next(), next()];
        };
        const xs = draw();
        expect(xs).toEqual(draw());
        for (const x of xs) expect(x >= a && x <= a + width && Number.isInteger(x)).toBe(true);
      }),
    );
  });

  it("reads jitter from the model's own stream when it names one", () => {
    const streams = new RandomStreams(3);
    const next = delaySampler({ min: 0, max: 1000, stream: 'mine' }, streams, 'default');
    next();
    expect(streams.streamNames()).toEqual(['mine']);
  });

  it('refuses negative, fractional and inverted delays', () => {
    expect(() => validateDelayModel(-1)).toThrow(InvalidArgumentError);
    expect(() => validateDelayModel(1.5)).toThrow(InvalidArgumentError);
    expect(() => validateDelayModel({ min: 5, max: 4 }, 'kubeletWatchDelay')).toThrow(
      /kubeletWatchDelay/,
    );
    expect(validateDelayModel(0)).toBe(0);
  });
});
