import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Attribution corrections (history per order) and guides' claims (补录) of uncredited counter sales. */
export class AttributionCorrectionsAndClaims1796081000000 implements MigrationInterface {
  name = 'AttributionCorrectionsAndClaims1796081000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `attribution_corrections` (`id` varchar(36) NOT NULL, `orderId` varchar(36) NOT NULL, `seq` int NOT NULL, `fromGuideId` varchar(36) NULL, `fromStoreId` varchar(36) NULL, `fromRule` varchar(16) NOT NULL, `toGuideId` varchar(36) NOT NULL, `toStoreId` varchar(36) NULL, `actorId` varchar(36) NOT NULL, `claimId` varchar(36) NULL, `reason` varchar(200) NOT NULL, `createdAt` datetime(6) NOT NULL, UNIQUE INDEX `uq_attribution_corrections_order_seq` (`orderId`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `attribution_claims` (`id` varchar(36) NOT NULL, `guideId` varchar(36) NOT NULL, `storeId` varchar(36) NOT NULL, `receiptNo` varchar(64) NOT NULL, `orderId` varchar(36) NOT NULL, `reason` varchar(200) NOT NULL, `status` varchar(16) NOT NULL, `decidedBy` varchar(36) NULL, `decisionReason` varchar(200) NULL, `createdAt` datetime(6) NOT NULL, `decidedAt` datetime(6) NULL, INDEX `idx_attribution_claims_status_time` (`status`, `createdAt`), UNIQUE INDEX `uq_attribution_claims_guide_receipt` (`guideId`, `storeId`, `receiptNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `attribution_claims`');
    await queryRunner.query('DROP TABLE `attribution_corrections`');
  }
}
