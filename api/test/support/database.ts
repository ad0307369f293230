import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** MariaDB/MySQL server for the API tests; each test file gets a database of its own. */
// The test machines run MariaDB; `mariadb://` tells TypeORM so (same mysql2 driver as mysql://).
export const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'mariadb://root@127.0.0.1:3306';
const MYSQL_URL = SERVER_URL.replace(/^mariadb:/, 'mysql:');

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gs_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${SERVER_URL}/${name}`,
    async drop() {
      const conn = await mysql.createConnection(MYSQL_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/** Direct SQL for assertions that must look past the API (row counts, "nothing was written"). */
export async function withSql<T>(url: string, work: (conn: mysql.Connection) => Promise<T>): Promise<T> {
  const conn = await mysql.createConnection(url.replace(/^mariadb:/, 'mysql:'));
  try {
    return await work(conn);
  } finally {
    await conn.end();
  }
}
