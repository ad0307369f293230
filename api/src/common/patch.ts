import { AppError } from './app-error.js';

/**
 * The fields a PATCH body sets (absent ones dropped). An empty body changes nothing and is a 400, so a
 * client bug that sends `{}` is noticed rather than answered with the unchanged resource.
 */
export function changesOf<T extends object>(body: T): Partial<T> {
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
  if (!Object.keys(changes).length) throw AppError.badRequest('NOTHING_TO_UPDATE', 'The body names no field to change');
  return changes;
}
