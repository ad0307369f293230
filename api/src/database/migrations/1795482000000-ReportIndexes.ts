import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Range indexes for the guide reports: sales by paid day, shares by issue time. */
export class ReportIndexes1795482000000 implements MigrationInterface {
  name = 'ReportIndexes1795482000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_orders_guide_paid` ON `orders` (`attrGuideId`, `paidAt`)');
    await queryRunner.query('CREATE INDEX `idx_shares_guide_time` ON `shares` (`guideId`, `createdAt`)');
    await queryRunner.query('DROP INDEX `IDX_1236219388a890d0a177396383` ON `shares`');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `IDX_1236219388a890d0a177396383` ON `shares` (`guideId`)');
    await queryRunner.query('DROP INDEX `idx_shares_guide_time` ON `shares`');
    await queryRunner.query('DROP INDEX `idx_orders_guide_paid` ON `orders`');
  }
}
