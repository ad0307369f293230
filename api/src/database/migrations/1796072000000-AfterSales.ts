import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consumer after-sales requests (售后). */
export class AfterSales1796072000000 implements MigrationInterface {
  name = 'AfterSales1796072000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`after_sales\` (\`id\` varchar(36) NOT NULL, \`orderId\` varchar(36) NOT NULL, \`memberId\` varchar(36) NOT NULL, \`status\` varchar(16) NOT NULL, \`reason\` varchar(200) NOT NULL, \`linesJson\` varchar(4000) NULL, \`amountFen\` bigint NULL, \`requestedFen\` bigint NOT NULL, \`idempotencyKey\` varchar(64) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`openFor\` varchar(36) NULL, \`refundId\` varchar(36) NULL, \`refundAttempt\` int NOT NULL, \`rejectReason\` varchar(200) NULL, \`decidedBy\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL, \`decidedAt\` datetime(6) NULL, \`refundedAt\` datetime(6) NULL, INDEX \`idx_after_sales_order\` (\`orderId\`), INDEX \`idx_after_sales_status_time\` (\`status\`, \`createdAt\`), UNIQUE INDEX \`uq_after_sales_open\` (\`openFor\`), UNIQUE INDEX \`uq_after_sales_order_idempotency\` (\`orderId\`, \`idempotencyKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_after_sales_order_idempotency\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`uq_after_sales_open\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`idx_after_sales_status_time\` ON \`after_sales\``);
    await queryRunner.query(`DROP INDEX \`idx_after_sales_order\` ON \`after_sales\``);
    await queryRunner.query(`DROP TABLE \`after_sales\``);
  }
}
