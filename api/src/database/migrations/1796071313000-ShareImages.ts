import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mini-program codes (fetched once per share code) and rendered posters (once per content version). */
export class ShareImages1796071313000 implements MigrationInterface {
  name = 'ShareImages1796071313000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `share_wxacodes` (`shareCode` varchar(32) NOT NULL, `png` mediumblob NULL, `claimedAt` datetime(6) NOT NULL, `fetchedAt` datetime(6) NULL, PRIMARY KEY (`shareCode`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `share_posters` (`shareCode` varchar(32) NOT NULL, `version` varchar(64) NOT NULL, `png` mediumblob NOT NULL, `createdAt` datetime(6) NOT NULL, PRIMARY KEY (`shareCode`, `version`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `share_posters`');
    await queryRunner.query('DROP TABLE `share_wxacodes`');
  }
}
