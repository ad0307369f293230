import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795468545261 implements MigrationInterface {
  name = 'Initial1795468545261';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`categories\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`commissionRateBps\` int NULL, \`createdAt\` datetime(6) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`products\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(200) NOT NULL, \`categoryId\` varchar(36) NOT NULL, \`commissionRateBps\` int NULL, \`imageUrl\` varchar(500) NOT NULL, \`createdAt\` datetime(6) NOT NULL, INDEX \`IDX_ff56834e735fa78a15d0cf2192\` (\`categoryId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`skus\` (\`id\` varchar(36) NOT NULL, \`productId\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`priceFen\` int NOT NULL, \`stock\` int NOT NULL, INDEX \`IDX_7beba067c3aa6601fa17a0bda8\` (\`productId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`guides\` (\`id\` varchar(36) NOT NULL, \`storeId\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`wecomUserId\` varchar(64) NOT NULL, \`status\` varchar(16) NOT NULL, \`successorGuideId\` varchar(36) NULL, \`memberId\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL, \`departedAt\` datetime(6) NULL, INDEX \`IDX_a03d5ae361a207fe3698a75d4a\` (\`storeId\`), UNIQUE INDEX \`IDX_767f0f4a30185cd8f6cf8ca29d\` (\`wecomUserId\`), UNIQUE INDEX \`IDX_44864ecb830d5982ab4dcfaaf2\` (\`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`lives\` (\`id\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`storeId\` varchar(36) NOT NULL, \`startsAt\` datetime(6) NOT NULL, \`endsAt\` datetime(6) NOT NULL, \`createdAt\` datetime(6) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff_accounts\` (\`id\` varchar(36) NOT NULL, \`username\` varchar(64) NOT NULL, \`passwordHash\` varchar(200) NOT NULL, \`role\` varchar(16) NOT NULL, \`createdAt\` datetime(6) NOT NULL, UNIQUE INDEX \`IDX_64e8fa86be63f4a57d92d4937d\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ledger_entries\` (\`id\` varchar(36) NOT NULL, \`dedupeKey\` varchar(120) NOT NULL, \`guideId\` varchar(36) NOT NULL, \`storeId\` varchar(36) NULL, \`orderId\` varchar(36) NULL, \`orderLineId\` varchar(36) NULL, \`kind\` varchar(16) NOT NULL, \`amountFen\` bigint NOT NULL, \`rateBps\` int NULL, \`baseFen\` bigint NULL, \`availableAt\` datetime(6) NOT NULL, \`settlementId\` varchar(36) NULL, \`reason\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL, INDEX \`IDX_6304897a90f01527b951762569\` (\`orderId\`), INDEX \`idx_ledger_settle\` (\`settlementId\`, \`availableAt\`), INDEX \`idx_ledger_guide_time\` (\`guideId\`, \`createdAt\`), UNIQUE INDEX \`IDX_77de49f19cefcab2c0b26b5755\` (\`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`members\` (\`id\` varchar(36) NOT NULL, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`phone\` varchar(32) NULL, \`registeredAt\` datetime(6) NULL, \`openingGuideId\` varchar(36) NULL, \`serviceGuideId\` varchar(36) NULL, \`serviceStoreId\` varchar(36) NULL, \`boundAt\` datetime(6) NULL, \`createdAt\` datetime(6) NOT NULL, INDEX \`IDX_34b4c66f9c256e7e4392b216ce\` (\`unionid\`), INDEX \`IDX_0a6c77c5b3a4857a202dc15554\` (\`serviceGuideId\`), UNIQUE INDEX \`IDX_373699ae6d702609d3747a6a9b\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`orders\` (\`id\` varchar(36) NOT NULL, \`memberId\` varchar(36) NULL, \`channel\` varchar(8) NOT NULL, \`status\` varchar(24) NOT NULL, \`storeId\` varchar(36) NULL, \`totalFen\` bigint NOT NULL, \`paidFen\` bigint NOT NULL, \`refundedFen\` bigint NOT NULL, \`idempotencyKey\` varchar(64) NULL, \`requestHash\` varchar(64) NOT NULL, \`receiptNo\` varchar(64) NULL, \`liveId\` varchar(36) NULL, \`attrRule\` varchar(16) NOT NULL, \`attrGuideId\` varchar(36) NULL, \`attrStoreId\` varchar(36) NULL, \`attrShareCode\` varchar(32) NULL, \`attrTouchedAt\` datetime(6) NULL, \`attrPolicyVersion\` int NOT NULL, \`attrCommissionable\` tinyint NOT NULL, \`attrSelfReferral\` tinyint NOT NULL, \`prepayId\` varchar(64) NULL, \`transactionId\` varchar(64) NULL, \`createdAt\` datetime(6) NOT NULL, \`paidAt\` datetime(6) NULL, INDEX \`idx_orders_member_time\` (\`memberId\`, \`createdAt\`), INDEX \`idx_orders_guide_time\` (\`attrGuideId\`, \`createdAt\`), UNIQUE INDEX \`uq_orders_store_receipt\` (\`storeId\`, \`receiptNo\`), UNIQUE INDEX \`uq_orders_member_idempotency\` (\`memberId\`, \`idempotencyKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`order_lines\` (\`id\` varchar(36) NOT NULL, \`orderId\` varchar(36) NOT NULL, \`skuId\` varchar(36) NULL, \`productId\` varchar(36) NULL, \`quantity\` int NOT NULL, \`unitPriceFen\` bigint NOT NULL, \`amountFen\` bigint NOT NULL, \`rateBps\` int NOT NULL, \`refundedQuantity\` int NOT NULL, \`refundedFen\` bigint NOT NULL, \`lineNo\` int NOT NULL, INDEX \`IDX_307e8091afc1a959953d06d5ad\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`payments\` (\`id\` varchar(36) NOT NULL, \`transactionId\` varchar(64) NOT NULL, \`orderId\` varchar(36) NOT NULL, \`amountFen\` bigint NOT NULL, \`payerOpenid\` varchar(64) NOT NULL, \`successTime\` datetime(6) NOT NULL, \`createdAt\` datetime(6) NOT NULL, UNIQUE INDEX \`IDX_c39d78e8744809ece8ca95730e\` (\`transactionId\`), UNIQUE INDEX \`IDX_af929a5f2a400fdb6913b4967e\` (\`orderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`policy_versions\` (\`version\` int NOT NULL, \`onlineWindowHours\` int NOT NULL, \`storeWindowHours\` int NOT NULL, \`selfReferral\` varchar(8) NOT NULL, \`defaultRateBps\` int NOT NULL, \`serviceRateBps\` int NOT NULL, \`coolingOffDays\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL, PRIMARY KEY (\`version\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`shares\` (\`code\` varchar(32) NOT NULL, \`kind\` varchar(16) NOT NULL, \`targetId\` varchar(36) NOT NULL, \`guideId\` varchar(36) NOT NULL, \`storeId\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL, INDEX \`IDX_1236219388a890d0a177396383\` (\`guideId\`), PRIMARY KEY (\`code\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`visits\` (\`id\` varchar(36) NOT NULL, \`memberId\` varchar(36) NOT NULL, \`shareCode\` varchar(32) NOT NULL, \`guideId\` varchar(36) NOT NULL, \`storeId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`targetId\` varchar(36) NOT NULL, \`scene\` int NULL, \`chatType\` int NULL, \`path\` varchar(255) NULL, \`visitedAt\` datetime(6) NOT NULL, INDEX \`idx_visits_guide_time\` (\`guideId\`, \`visitedAt\`), INDEX \`idx_visits_member_time\` (\`memberId\`, \`visitedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`stores\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`city\` varchar(50) NOT NULL, \`createdAt\` datetime(6) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`store_keys\` (\`id\` varchar(36) NOT NULL, \`storeId\` varchar(36) NOT NULL, \`keyHash\` varchar(64) NOT NULL, \`keyPrefix\` varchar(12) NOT NULL, \`createdAt\` datetime(6) NOT NULL, \`revokedAt\` datetime(6) NULL, UNIQUE INDEX \`IDX_177811fe948041269e11eb7d21\` (\`keyHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_177811fe948041269e11eb7d21\` ON \`store_keys\``);
    await queryRunner.query(`DROP TABLE \`store_keys\``);
    await queryRunner.query(`DROP TABLE \`stores\``);
    await queryRunner.query(`DROP INDEX \`idx_visits_member_time\` ON \`visits\``);
    await queryRunner.query(`DROP INDEX \`idx_visits_guide_time\` ON \`visits\``);
    await queryRunner.query(`DROP TABLE \`visits\``);
    await queryRunner.query(`DROP INDEX \`IDX_1236219388a890d0a177396383\` ON \`shares\``);
    await queryRunner.query(`DROP TABLE \`shares\``);
    await queryRunner.query(`DROP TABLE \`policy_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_af929a5f2a400fdb6913b4967e\` ON \`payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_c39d78e8744809ece8ca95730e\` ON \`payments\``);
    await queryRunner.query(`DROP TABLE \`payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_307e8091afc1a959953d06d5ad\` ON \`order_lines\``);
    await queryRunner.query(`DROP TABLE \`order_lines\``);
    await queryRunner.query(`DROP INDEX \`uq_orders_member_idempotency\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`uq_orders_store_receipt\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`idx_orders_guide_time\` ON \`orders\``);
    await queryRunner.query(`DROP INDEX \`idx_orders_member_time\` ON \`orders\``);
    await queryRunner.query(`DROP TABLE \`orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_373699ae6d702609d3747a6a9b\` ON \`members\``);
    await queryRunner.query(`DROP INDEX \`IDX_0a6c77c5b3a4857a202dc15554\` ON \`members\``);
    await queryRunner.query(`DROP INDEX \`IDX_34b4c66f9c256e7e4392b216ce\` ON \`members\``);
    await queryRunner.query(`DROP TABLE \`members\``);
    await queryRunner.query(`DROP INDEX \`IDX_77de49f19cefcab2c0b26b5755\` ON \`ledger_entries\``);
    await queryRunner.query(`DROP INDEX \`idx_ledger_guide_time\` ON \`ledger_entries\``);
    await queryRunner.query(`DROP INDEX \`idx_ledger_settle\` ON \`ledger_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_6304897a90f01527b951762569\` ON \`ledger_entries\``);
    await queryRunner.query(`DROP TABLE \`ledger_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_64e8fa86be63f4a57d92d4937d\` ON \`staff_accounts\``);
    await queryRunner.query(`DROP TABLE \`staff_accounts\``);
    await queryRunner.query(`DROP TABLE \`lives\``);
    await queryRunner.query(`DROP INDEX \`IDX_44864ecb830d5982ab4dcfaaf2\` ON \`guides\``);
    await queryRunner.query(`DROP INDEX \`IDX_767f0f4a30185cd8f6cf8ca29d\` ON \`guides\``);
    await queryRunner.query(`DROP INDEX \`IDX_a03d5ae361a207fe3698a75d4a\` ON \`guides\``);
    await queryRunner.query(`DROP TABLE \`guides\``);
    await queryRunner.query(`DROP INDEX \`IDX_7beba067c3aa6601fa17a0bda8\` ON \`skus\``);
    await queryRunner.query(`DROP TABLE \`skus\``);
    await queryRunner.query(`DROP INDEX \`IDX_ff56834e735fa78a15d0cf2192\` ON \`products\``);
    await queryRunner.query(`DROP TABLE \`products\``);
    await queryRunner.query(`DROP TABLE \`categories\``);
  }
}
