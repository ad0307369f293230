import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`typeorm -d dist/database/data-source.js migration:generate|run|revert`). */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/guideshare_dev'),
);
