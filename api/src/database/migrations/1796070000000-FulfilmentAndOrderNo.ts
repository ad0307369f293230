import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Fulfilment of online orders (delivery or pickup), the remembered delivery address, short order numbers. */
export class FulfilmentAndOrderNo1796070000000 implements MigrationInterface {
  name = 'FulfilmentAndOrderNo1796070000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`fulfilments\` (\`orderId\` varchar(36) NOT NULL, \`memberId\` varchar(36) NOT NULL, \`type\` varchar(16) NOT NULL, \`status\` varchar(24) NOT NULL, \`storeId\` varchar(36) NULL, \`pickupCode\` varchar(16) NULL, \`addrName\` varchar(50) NULL, \`addrPhone\` varchar(32) NULL, \`addrProvince\` varchar(50) NULL, \`addrCity\` varchar(50) NULL, \`addrDistrict\` varchar(50) NULL, \`addrDetail\` varchar(200) NULL, \`carrier\` varchar(50) NULL, \`trackingNo\` varchar(64) NULL, \`paidAt\` datetime(6) NULL, \`shippedAt\` datetime(6) NULL, \`fulfilledAt\` datetime(6) NULL, \`fulfilledBy\` varchar(16) NULL, \`createdAt\` datetime(6) NOT NULL, INDEX \`idx_fulfilments_member\` (\`memberId\`), INDEX \`idx_fulfilments_status_shipped\` (\`status\`, \`shippedAt\`), UNIQUE INDEX \`uq_fulfilments_pickup_code\` (\`pickupCode\`), PRIMARY KEY (\`orderId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`member_addresses\` (\`memberId\` varchar(36) NOT NULL, \`name\` varchar(50) NOT NULL, \`phone\` varchar(32) NOT NULL, \`province\` varchar(50) NOT NULL, \`city\` varchar(50) NOT NULL, \`district\` varchar(50) NOT NULL, \`detail\` varchar(200) NOT NULL, \`updatedAt\` datetime(6) NOT NULL, PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(`ALTER TABLE \`orders\` ADD \`orderNo\` varchar(20) NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_orders_order_no\` ON \`orders\` (\`orderNo\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_orders_order_no\` ON \`orders\``);
    await queryRunner.query(`ALTER TABLE \`orders\` DROP COLUMN \`orderNo\``);
    await queryRunner.query(`DROP TABLE \`member_addresses\``);
    await queryRunner.query(`DROP INDEX \`uq_fulfilments_pickup_code\` ON \`fulfilments\``);
    await queryRunner.query(`DROP INDEX \`idx_fulfilments_status_shipped\` ON \`fulfilments\``);
    await queryRunner.query(`DROP INDEX \`idx_fulfilments_member\` ON \`fulfilments\``);
    await queryRunner.query(`DROP TABLE \`fulfilments\``);
  }
}
