import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Members' (encrypted) WeChat session keys, and the group a visit came from. */
export class GroupVisits1796091313000 implements MigrationInterface {
  name = 'GroupVisits1796091313000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `member_wechat_sessions` (`memberId` varchar(36) NOT NULL, `sealedKey` varchar(160) NOT NULL, `updatedAt` datetime(6) NOT NULL, PRIMARY KEY (`memberId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'ALTER TABLE `visits` ADD `openGId` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL',
    );
    await queryRunner.query('CREATE INDEX `idx_visits_group_time` ON `visits` (`openGId`, `visitedAt`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_visits_group_time` ON `visits`');
    await queryRunner.query('ALTER TABLE `visits` DROP COLUMN `openGId`');
    await queryRunner.query('DROP TABLE `member_wechat_sessions`');
  }
}
