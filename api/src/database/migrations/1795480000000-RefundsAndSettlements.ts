import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefundsAndSettlements1795480000000 implements MigrationInterface {
  name = 'RefundsAndSettlements1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`settlements\` (\`id\` varchar(36) NOT NULL, \`period\` varchar(7) NOT NULL, \`cutoffAt\` datetime(6) NOT NULL, \`closedAt\` datetime(6) NOT NULL, \`closedBy\` varchar(36) NULL, \`totalFen\` bigint NOT NULL, \`entriesFen\` bigint NOT NULL, \`openingFen\` bigint NOT NULL, \`carriedForwardFen\` bigint NOT NULL, \`entryCount\` int NOT NULL, \`statementCount\` int NOT NULL, UNIQUE INDEX \`uq_settlements_period\` (\`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`settlement_statements\` (\`id\` varchar(36) NOT NULL, \`settlementId\` varchar(36) NOT NULL, \`period\` varchar(7) NOT NULL, \`guideId\` varchar(36) NOT NULL, \`storeId\` varchar(36) NULL, \`openingFen\` bigint NOT NULL, \`accruedFen\` bigint NOT NULL, \`reversedFen\` bigint NOT NULL, \`adjustedFen\` bigint NOT NULL, \`closingFen\` bigint NOT NULL, \`payableFen\` bigint NOT NULL, \`carriedForwardFen\` bigint NOT NULL, \`entryCount\` int NOT NULL, INDEX \`idx_statements_guide\` (\`guideId\`), UNIQUE INDEX \`uq_statements_settlement_guide\` (\`settlementId\`, \`guideId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ledger_holds\` (\`id\` varchar(36) NOT NULL, \`orderId\` varchar(36) NOT NULL, \`holdKey\` varchar(80) NOT NULL, \`createdAt\` datetime(6) NOT NULL, \`releasedAt\` datetime(6) NULL, INDEX \`idx_ledger_holds_order\` (\`orderId\`, \`releasedAt\`), UNIQUE INDEX \`uq_ledger_holds_key\` (\`holdKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refunds\` (\`id\` varchar(36) NOT NULL, \`orderId\` varchar(36) NOT NULL, \`channel\` varchar(8) NOT NULL, \`status\` varchar(16) NOT NULL, \`amountFen\` bigint NOT NULL, \`reason\` varchar(200) NOT NULL, \`idempotencyKey\` varchar(64) NULL, \`requestHash\` varchar(64) NOT NULL, \`storeId\` varchar(36) NULL, \`refundNo\` varchar(64) NULL, \`outRefundNo\` varchar(64) NULL, \`wechatRefundId\` varchar(64) NULL, \`requestedBy\` varchar(36) NULL, \`note\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL, \`submittedAt\` datetime(6) NULL, \`completedAt\` datetime(6) NULL, INDEX \`IDX_605cf4d367799f3e5cfb9f6822\` (\`orderId\`), INDEX \`idx_refunds_status_completed\` (\`status\`, \`completedAt\`), UNIQUE INDEX \`uq_refunds_wechat_refund_id\` (\`wechatRefundId\`), UNIQUE INDEX \`uq_refunds_out_refund_no\` (\`outRefundNo\`), UNIQUE INDEX \`uq_refunds_store_refund_no\` (\`storeId\`, \`refundNo\`), UNIQUE INDEX \`uq_refunds_order_idempotency\` (\`orderId\`, \`idempotencyKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refund_lines\` (\`id\` varchar(36) NOT NULL, \`refundId\` varchar(36) NOT NULL, \`orderLineId\` varchar(36) NOT NULL, \`lineNo\` int NOT NULL, \`quantity\` int NOT NULL, \`amountFen\` bigint NOT NULL, INDEX \`IDX_b5a6545ef047f89c623e080334\` (\`orderLineId\`), UNIQUE INDEX \`uq_refund_lines_refund_line\` (\`refundId\`, \`orderLineId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_refund_lines_refund_line\` ON \`refund_lines\``);
    await queryRunner.query(`DROP INDEX \`IDX_b5a6545ef047f89c623e080334\` ON \`refund_lines\``);
    await queryRunner.query(`DROP TABLE \`refund_lines\``);
    await queryRunner.query(`DROP INDEX \`uq_refunds_order_idempotency\` ON \`refunds\``);
    await queryRunner.query(`DROP INDEX \`uq_refunds_store_refund_no\` ON \`refunds\``);
    await queryRunner.query(`DROP INDEX \`uq_refunds_out_refund_no\` ON \`refunds\``);
    await queryRunner.query(`DROP INDEX \`uq_refunds_wechat_refund_id\` ON \`refunds\``);
    await queryRunner.query(`DROP INDEX \`idx_refunds_status_completed\` ON \`refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_605cf4d367799f3e5cfb9f6822\` ON \`refunds\``);
    await queryRunner.query(`DROP TABLE \`refunds\``);
    await queryRunner.query(`DROP INDEX \`uq_ledger_holds_key\` ON \`ledger_holds\``);
    await queryRunner.query(`DROP INDEX \`idx_ledger_holds_order\` ON \`ledger_holds\``);
    await queryRunner.query(`DROP TABLE \`ledger_holds\``);
    await queryRunner.query(`DROP INDEX \`uq_statements_settlement_guide\` ON \`settlement_statements\``);
    await queryRunner.query(`DROP INDEX \`idx_statements_guide\` ON \`settlement_statements\``);
    await queryRunner.query(`DROP TABLE \`settlement_statements\``);
    await queryRunner.query(`DROP INDEX \`uq_settlements_period\` ON \`settlements\``);
    await queryRunner.query(`DROP TABLE \`settlements\``);
  }
}
