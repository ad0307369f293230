import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { SERVER_URL } from './support/database.js';

// A server whose default character set is latin1 (MySQL 5.7, upstream MariaDB, a Galera node started
// without Debian's config): the schema must declare utf8mb4 itself, or every Chinese name is a 500.
const MYSQL_URL = SERVER_URL.replace(/^mariadb:/, 'mysql:');
const name = `gs_test_latin1_${randomBytes(4).toString('hex')}`;
let dataSource: DataSource;

beforeAll(async () => {
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET latin1 COLLATE latin1_swedish_ci`);
  await admin.end();
  dataSource = new DataSource(dataSourceOptions(`${SERVER_URL}/${name}`));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
});
afterAll(async () => {
  await dataSource?.destroy();
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
});

describe('portable schema (Galera, MySQL-compatible servers)', () => {
  it('creates every table and text column utf8mb4 on a latin1 database', async () => {
    const tables: Array<{ t: string; c: string }> = await dataSource.query(
      `SELECT TABLE_NAME AS t, TABLE_COLLATION AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'`,
      [name],
    );
    expect(tables.length).toBeGreaterThan(10);
    // TypeORM creates its own bookkeeping table `migrations` (ASCII class names) with the database default.
    expect(tables.filter((r) => r.t !== 'migrations' && !r.c.startsWith('utf8mb4_'))).toEqual([]);
    const columns: Array<{ t: string; col: string; cs: string }> = await dataSource.query(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS col, CHARACTER_SET_NAME AS cs FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> 'migrations' AND CHARACTER_SET_NAME IS NOT NULL AND CHARACTER_SET_NAME <> 'utf8mb4'`,
      [name],
    );
    expect(columns).toEqual([]);
  });

  it('stores and reads back Chinese text', async () => {
    await dataSource.query(`INSERT INTO stores (id, name, city, createdAt) VALUES (?, ?, ?, NOW(6))`, [
      '00000000-0000-7000-8000-000000000001',
      '上海旗舰店 🛍',
      '上海',
    ]);
    const [row] = await dataSource.query(`SELECT name, city FROM stores`);
    expect(row).toEqual({ name: '上海旗舰店 🛍', city: '上海' });
  });

  it('gives every table a primary key (Galera replicates rows by key)', async () => {
    const missing: Array<{ t: string }> = await dataSource.query(
      `SELECT t.TABLE_NAME AS t FROM information_schema.TABLES t
       LEFT JOIN information_schema.TABLE_CONSTRAINTS c
         ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY'
       WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE' AND c.CONSTRAINT_NAME IS NULL`,
      [name],
    );
    expect(missing).toEqual([]);
  });
});
