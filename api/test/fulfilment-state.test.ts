import { describe, expect, it } from '@jest/globals';
import type { FulfilmentStatus, FulfilmentType } from '@guideshare/contracts';
import { canApply, FULFILMENT_TRANSITIONS, stepOf, type FulfilmentEvent } from '../src/fulfilment/fulfilment-state.js';

const STATUSES: FulfilmentStatus[] = ['PENDING', 'SHIPPED', 'READY_FOR_PICKUP', 'FULFILLED'];
const TYPES: FulfilmentType[] = ['delivery', 'pickup'];
const EVENTS = Object.keys(FULFILMENT_TRANSITIONS) as FulfilmentEvent[];

/** Every status a type can reach from PENDING by the table. */
function reachable(type: FulfilmentType): Set<FulfilmentStatus> {
  const seen = new Set<FulfilmentStatus>(['PENDING']);
  for (let grew = true; grew;) {
    grew = false;
    for (const event of EVENTS)
      for (const from of [...seen])
        if (canApply(event, type, from) && !seen.has(stepOf(event, type)!.to)) {
          seen.add(stepOf(event, type)!.to);
          grew = true;
        }
  }
  return seen;
}

describe('fulfilment transition table', () => {
  it('takes a delivery through SHIPPED and a pickup through READY_FOR_PICKUP, never the other way', () => {
    expect([...reachable('delivery')].sort()).toEqual(['FULFILLED', 'PENDING', 'SHIPPED']);
    expect([...reachable('pickup')].sort()).toEqual(['FULFILLED', 'PENDING', 'READY_FOR_PICKUP']);
    expect(stepOf('ship', 'pickup')).toBeNull();
    expect(stepOf('handOver', 'delivery')).toBeNull();
    expect(stepOf('receive', 'pickup')).toBeNull();
  });

  it('lets nothing leave FULFILLED, and each event move from one status only', () => {
    for (const type of TYPES)
      for (const event of EVENTS) {
        expect(canApply(event, type, 'FULFILLED')).toBe(false);
        expect(STATUSES.filter((s) => canApply(event, type, s)).length).toBeLessThanOrEqual(1);
      }
  });

  it('moves a paid pickup to READY_FOR_PICKUP and leaves a paid delivery PENDING (to ship)', () => {
    expect(stepOf('paid', 'pickup')).toEqual({ from: ['PENDING'], to: 'READY_FOR_PICKUP' });
    expect(stepOf('paid', 'delivery')).toEqual({ from: ['PENDING'], to: 'PENDING' });
    expect(canApply('receive', 'delivery', 'PENDING')).toBe(false);
    expect(canApply('receive', 'delivery', 'SHIPPED')).toBe(true);
  });
});
