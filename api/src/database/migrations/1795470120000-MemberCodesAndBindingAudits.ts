import { MigrationInterface, QueryRunner } from 'typeorm';

/** Member code numbers (members.codeNo) and the append-only audit of service-guide changes. */
export class MemberCodesAndBindingAudits1795470120000 implements MigrationInterface {
  name = 'MemberCodesAndBindingAudits1795470120000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`members\` ADD \`codeNo\` varchar(10) NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_members_code_no\` ON \`members\` (\`codeNo\`)`);
    await queryRunner.query(
      `CREATE TABLE \`member_binding_audits\` (\`id\` varchar(36) NOT NULL, \`memberId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`fromGuideId\` varchar(36) NULL, \`fromStoreId\` varchar(36) NULL, \`toGuideId\` varchar(36) NULL, \`toStoreId\` varchar(36) NULL, \`actorId\` varchar(36) NULL, \`reason\` varchar(200) NOT NULL, \`createdAt\` datetime(6) NOT NULL, INDEX \`idx_member_binding_audits_member_time\` (\`memberId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_member_binding_audits_member_time\` ON \`member_binding_audits\``);
    await queryRunner.query(`DROP TABLE \`member_binding_audits\``);
    await queryRunner.query(`DROP INDEX \`uq_members_code_no\` ON \`members\``);
    await queryRunner.query(`ALTER TABLE \`members\` DROP COLUMN \`codeNo\``);
  }
}
