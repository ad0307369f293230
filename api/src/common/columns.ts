import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

// mysql2 returns BIGINT as a string; money stays an exact integer in JS.
const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null || value === undefined) return value;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT out of the safe integer range: ${value}`);
    return n;
  },
};

/** Signed integer fen (or any counter that may outgrow INT). */
export function FenColumn(options: ColumnOptions = {}) {
  return Column({ type: 'bigint', transformer: bigintToNumber, ...options });
}

/** A UTC instant with microseconds (precision 6 keeps migration:generate quiet on MariaDB). */
export function InstantColumn(options: ColumnOptions = {}) {
  return Column({ type: 'datetime', precision: 6, ...options });
}

export function IdColumn(options: ColumnOptions = {}) {
  return Column({ type: 'varchar', length: 36, ...options });
}
