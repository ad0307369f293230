import type { GuideRef } from './types.js';

/**
 * The guide who currently holds `guideId`'s credit: the guide itself when active, else the first
 * active guide along the chain of successors (a successor may have departed in turn).
 * Returns null when the chain ends, names a guide missing from `guides`, or loops back on itself
 * (bad data must not hang a payment notification).
 */
export function resolveActiveGuide(guideId: string, guides: Record<string, GuideRef>): GuideRef | null {
  const seen = new Set<string>();
  let id: string | null = guideId;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    // Own-property lookup only, so an id such as "constructor" never reads the prototype.
    const guide: GuideRef | undefined = Object.hasOwn(guides, id) ? guides[id] : undefined;
    if (!guide) return null;
    if (guide.active) return guide;
    id = guide.successorGuideId;
  }
  return null;
}

/** Own-property lookup of a guide by id. */
export function findGuide(guideId: string, guides: Record<string, GuideRef>): GuideRef | undefined {
  return Object.hasOwn(guides, guideId) ? guides[guideId] : undefined;
}
