import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Images uploaded from the console, keyed by the SHA-256 of their bytes. */
export class Uploads1796090100000 implements MigrationInterface {
  name = 'Uploads1796090100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `uploads` (`id` varchar(64) NOT NULL, `contentType` varchar(32) NOT NULL, `byteLength` int NOT NULL, `data` mediumblob NOT NULL, `createdBy` varchar(36) NULL, `createdAt` datetime(6) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `uploads`');
  }
}
