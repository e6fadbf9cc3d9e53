import { describe, it, expect } from 'vitest';
import { BudgetExceededError } from '@kubesim/core';
import { BudgetGuard, DEFAULT_BUDGET_LIMITS } from './budgetGuard.js';
import { InvalidArgumentError } from './engineErrors.js';

describe('BudgetGuard', () => {
  it('names the controller and key that reconcile without progress at one instant', () => {
    const guard = new BudgetGuard({ maxReconcilesPerKeyPerInstant: 3 });
    for (let i = 0; i < 3; i++) guard.countReconcile('endpointslice', 'default/web', 1000, 'rv7');
    let caught: unknown;
    try {
      guard.countReconcile('endpointslice', 'default/web', 1000, 'rv7');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BudgetExceededError);
    const err = caught as BudgetExceededError;
    expect(err.code).toBe('BudgetExceeded');
    expect(err.controller).toBe('endpointslice');
    expect(err.key).toBe('default/web');
    expect(err.message).toMatch(/endpointslice.*default\/web.*4 times at t=1s/);
  });

  it('restarts the count when the input changes or time moves', () => {
    const guard = new BudgetGuard({ maxReconcilesPerKeyPerInstant: 2 });
    guard.countReconcile('rs', 'a', 0, 1);
    guard.countReconcile('rs', 'a', 0, 1);
    guard.countReconcile('rs', 'a', 0, 2); // progress
    guard.countReconcile('rs', 'a', 0, 2);
    guard.countReconcile('rs', 'a', 5, 2); // time moved
    guard.countReconcile('rs', 'a', 5, 2);
    guard.countReconcile('rs', 'b', 5, 2); // another key has its own count
    expect(() => {
      guard.countReconcile('rs', 'a', 5, 2);
    }).toThrow(BudgetExceededError);
  });

  it('stops an instant that exceeds its event budget', () => {
    const guard = new BudgetGuard({ maxEventsPerInstant: 5 });
    for (let i = 0; i < 5; i++) guard.countEvent(42);
    expect(() => {
      guard.countEvent(42, 'kubelet/node-1 probe');
    }).toThrow(/more than 5 events.*kubelet\/node-1 probe/);
    const fresh = new BudgetGuard({ maxEventsPerInstant: 5 });
    for (let i = 0; i < 5; i++) fresh.countEvent(42);
    fresh.countEvent(43);
  });

  it('defaults to 10^7 events and 100 reconciles, and refuses a zero limit', () => {
    expect(new BudgetGuard().limits).toEqual(DEFAULT_BUDGET_LIMITS);
    expect(DEFAULT_BUDGET_LIMITS.maxEventsPerInstant).toBe(1e7);
    expect(() => new BudgetGuard({ maxEventsPerInstant: 0 })).toThrow(InvalidArgumentError);
  });
});
