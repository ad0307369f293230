import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The WeChat Pay facts move to the payments module: prepay ids to `payment_prepays`; transaction ids
 * (and WeChat's success time) stay on `payments` only. `orders.paidFen`/`paidAt` remain the order's own.
 */
export class PaymentFacts1796096000000 implements MigrationInterface {
  name = 'PaymentFacts1796096000000';

  /**
   * Repeatable: MariaDB/MySQL commit each DDL statement on their own, so a crash part-way leaves the
   * table created or a column dropped; a second run skips what is done and copies nothing twice.
   */
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE IF NOT EXISTS `payment_prepays` (`orderId` varchar(36) NOT NULL, `prepayId` varchar(64) NOT NULL, `createdAt` datetime(6) NOT NULL, PRIMARY KEY (`orderId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    if (await queryRunner.hasColumn('orders', 'prepayId')) {
      await queryRunner.query(
        'INSERT INTO `payment_prepays` (`orderId`, `prepayId`, `createdAt`) SELECT o.`id`, o.`prepayId`, o.`createdAt` FROM `orders` o LEFT JOIN `payment_prepays` pp ON pp.`orderId` = o.`id` WHERE o.`prepayId` IS NOT NULL AND pp.`orderId` IS NULL',
      );
    }
    if (await queryRunner.hasColumn('orders', 'transactionId')) {
      // Every recorded payment has its row already (written with the order's); any order that has a
      // transaction without one keeps it as a payment (payer unknown), so no WeChat fact is lost.
      await queryRunner.query(
        "INSERT INTO `payments` (`id`, `transactionId`, `orderId`, `amountFen`, `payerOpenid`, `successTime`, `createdAt`) SELECT UUID(), o.`transactionId`, o.`id`, o.`paidFen`, '', COALESCE(o.`paidAt`, o.`createdAt`), NOW(6) FROM `orders` o LEFT JOIN `payments` p ON p.`orderId` = o.`id` WHERE o.`transactionId` IS NOT NULL AND p.`id` IS NULL",
      );
    }
    if (await queryRunner.hasColumn('orders', 'prepayId'))
      await queryRunner.query('ALTER TABLE `orders` DROP COLUMN `prepayId`');
    if (await queryRunner.hasColumn('orders', 'transactionId'))
      await queryRunner.query('ALTER TABLE `orders` DROP COLUMN `transactionId`');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `orders` ADD `transactionId` varchar(64) NULL');
    await queryRunner.query('ALTER TABLE `orders` ADD `prepayId` varchar(64) NULL');
    await queryRunner.query(
      'UPDATE `orders` o JOIN `payments` p ON p.`orderId` = o.`id` SET o.`transactionId` = p.`transactionId`',
    );
    await queryRunner.query(
      'UPDATE `orders` o JOIN `payment_prepays` pp ON pp.`orderId` = o.`id` SET o.`prepayId` = pp.`prepayId`',
    );
    await queryRunner.query('DROP TABLE `payment_prepays`');
  }
}
