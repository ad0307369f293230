import type { FulfilmentStatus, FulfilmentType } from '@guideshare/contracts';

/** What can happen to a fulfilment. `paid` comes from the paying transaction, the rest from people or the sweep. */
export type FulfilmentEvent = 'paid' | 'ship' | 'receive' | 'handOver';

export interface FulfilmentStep {
  from: readonly FulfilmentStatus[];
  to: FulfilmentStatus;
}

/**
 * The fulfilment state machine as data, per event and type (an event a type does not list is not
 * allowed for it). The persistence layer applies a step as `UPDATE … WHERE status IN (from)`, so two
 * racing events cannot both move a fulfilment. Separate from the order's payment state: nothing here
 * changes money or credit.
 *
 *   delivery: PENDING ─paid→ PENDING ─ship→ SHIPPED ─receive (buyer, or automatically)→ FULFILLED
 *   pickup:   PENDING ─paid→ READY_FOR_PICKUP ─handOver (the chosen store's counter)→ FULFILLED
 */
export const FULFILMENT_TRANSITIONS: Readonly<
  Record<FulfilmentEvent, Readonly<Partial<Record<FulfilmentType, FulfilmentStep>>>>
> = {
  // A paid delivery order stays PENDING (to be shipped); its paidAt is what allows shipping.
  paid: { delivery: { from: ['PENDING'], to: 'PENDING' }, pickup: { from: ['PENDING'], to: 'READY_FOR_PICKUP' } },
  ship: { delivery: { from: ['PENDING'], to: 'SHIPPED' } },
  receive: { delivery: { from: ['SHIPPED'], to: 'FULFILLED' } },
  handOver: { pickup: { from: ['READY_FOR_PICKUP'], to: 'FULFILLED' } },
};

/** The step `event` takes for a fulfilment of `type`, or null when that type has no such event. */
export function stepOf(event: FulfilmentEvent, type: FulfilmentType): FulfilmentStep | null {
  return FULFILMENT_TRANSITIONS[event][type] ?? null;
}

/** Whether `event` may move a fulfilment of `type` that is now `status`. */
export function canApply(event: FulfilmentEvent, type: FulfilmentType, status: FulfilmentStatus): boolean {
  return stepOf(event, type)?.from.includes(status) ?? false;
}
