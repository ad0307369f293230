import { businessDate } from '../common/business-time.js';
import { randomDigits } from '../common/unique-code.js';

export const ORDER_NO_RANDOM_DIGITS = 8;

/**
 * A short order number to read out or copy: the business day (yyMMdd) and 8 random digits, e.g.
 * `26113004718295` — 14 digits, unique by its own index (a rare collision draws again).
 */
export function newOrderNo(at: Date, timeZone: string): string {
  return businessDate(at, timeZone).slice(2).replace(/-/g, '') + randomDigits(ORDER_NO_RANDOM_DIGITS);
}
