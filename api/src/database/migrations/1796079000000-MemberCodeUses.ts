import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One member code, one receipt: the codes already redeemed, keyed by (member, issue step). */
export class MemberCodeUses1796079000000 implements MigrationInterface {
  name = 'MemberCodeUses1796079000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `member_code_uses` (`memberId` varchar(36) NOT NULL, `step` int NOT NULL, `storeId` varchar(36) NOT NULL, `receiptNo` varchar(64) NOT NULL, `usedAt` datetime(6) NOT NULL, PRIMARY KEY (`memberId`, `step`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `member_code_uses`');
  }
}
