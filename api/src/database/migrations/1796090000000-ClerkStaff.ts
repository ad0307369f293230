import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clerk accounts (store counter staff in the console) belong to one store. */
export class ClerkStaff1796090000000 implements MigrationInterface {
  name = 'ClerkStaff1796090000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `staff_accounts` ADD `storeId` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `staff_accounts` DROP COLUMN `storeId`');
  }
}
