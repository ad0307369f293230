import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { getMetadataArgsStorage, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
// Migrations are listed as classes, not found by a glob: the same list works compiled, under jest and in the CLI.
import { MIGRATIONS } from './migrations/index.js';

/**
 * MySQL is the system of record (migrations, READ COMMITTED); `sqlite:PATH` is the throw-away
 * embedded demo (sql.js persisted to a file, schema sync).
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  if (databaseUrl.startsWith('sqlite:')) {
    const location = databaseUrl.slice('sqlite:'.length);
    if (location && location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    sqliteColumnTypes();
    return {
      type: 'sqljs',
      // Handed over explicitly: TypeORM's own lookup of the CommonJS module fails under ESM loaders (jest).
      driver: createRequire(import.meta.url)('sql.js'),
      location: location && location !== ':memory:' ? location : undefined,
      autoSave: Boolean(location && location !== ':memory:'),
      entities: ENTITIES,
      synchronize: true,
    };
  }
  const scheme = /^(mysql|mariadb):\/\//.exec(databaseUrl)?.[1] as 'mysql' | 'mariadb' | undefined;
  if (!scheme) throw new Error(`DATABASE_URL must start with mysql://, mariadb:// or sqlite: (got ${databaseUrl})`);
  return {
    // Same wire driver (mysql2); `mariadb` only tells TypeORM how MariaDB reports its schema.
    type: scheme,
    url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: false,
    extra: { connectionLimit: 20 },
  };
}

/**
 * SQLite knows one BLOB and one TEXT type: MariaDB's MEDIUMBLOB columns (images) are plain BLOB and
 * LONGTEXT columns (stored reports) plain TEXT on the sql.js demo.
 */
function sqliteColumnTypes() {
  for (const column of getMetadataArgsStorage().columns) {
    if (column.options.type === 'mediumblob') column.options.type = 'blob';
    if (column.options.type === 'longtext') column.options.type = 'text';
  }
}
