import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reconciliation runs are kept: counts for the list, the whole report as JSON. */
export class ReconciliationRuns1796090200000 implements MigrationInterface {
  name = 'ReconciliationRuns1796090200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `reconciliation_runs` (`id` varchar(36) NOT NULL, `billDate` varchar(10) NOT NULL, `source` varchar(8) NOT NULL, `matched` int NOT NULL, `missingInLedgerCount` int NOT NULL, `missingInBillCount` int NOT NULL, `amountMismatchCount` int NOT NULL, `report` longtext NOT NULL, `createdBy` varchar(36) NULL, `createdAt` datetime(6) NOT NULL, INDEX `idx_reconciliation_runs_time` (`createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `reconciliation_runs`');
  }
}
