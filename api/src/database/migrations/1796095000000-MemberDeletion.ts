import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Account deletion: when a member deleted their account (identifiers cleared, row kept for the money facts). */
export class MemberDeletion1796095000000 implements MigrationInterface {
  name = 'MemberDeletion1796095000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `members` ADD `deletedAt` datetime(6) NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `members` DROP COLUMN `deletedAt`');
  }
}
