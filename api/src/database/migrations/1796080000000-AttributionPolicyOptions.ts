import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attribution policy options (issue 16): the options on each policy version (defaults = the
 * behaviour before them), the service guide's last touch on members (binding validity), and the
 * decision's evidence on orders (`creditedInsteadOf`).
 */
export class AttributionPolicyOptions1796080000000 implements MigrationInterface {
  name = 'AttributionPolicyOptions1796080000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `policy_versions` ADD `bindingMode` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT 'first_touch', ADD `bindingValidityDays` int NULL, ADD `protectionDays` int NOT NULL DEFAULT 0, ADD `servicePriority` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT 'sharer_first', ADD `crossStoreShareCredit` tinyint NOT NULL DEFAULT 1",
    );
    await queryRunner.query('ALTER TABLE `members` ADD `serviceTouchedAt` datetime(6) NULL');
    await queryRunner.query(
      'ALTER TABLE `orders` ADD `attrInsteadGuideId` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL, ADD `attrInsteadRule` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `orders` DROP COLUMN `attrInsteadRule`, DROP COLUMN `attrInsteadGuideId`');
    await queryRunner.query('ALTER TABLE `members` DROP COLUMN `serviceTouchedAt`');
    await queryRunner.query(
      'ALTER TABLE `policy_versions` DROP COLUMN `crossStoreShareCredit`, DROP COLUMN `servicePriority`, DROP COLUMN `protectionDays`, DROP COLUMN `bindingValidityDays`, DROP COLUMN `bindingMode`',
    );
  }
}
