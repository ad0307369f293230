import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 7: member registrations (开卡 log, indexed for the reports) and Official Account followers by unionid. */
export class RegistrationsAndOaFollowers1795470987213 implements MigrationInterface {
  name = 'RegistrationsAndOaFollowers1795470987213';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`member_registrations\` (\`memberId\` varchar(36) NOT NULL, \`registeredAt\` datetime(6) NOT NULL, \`openingGuideId\` varchar(36) NULL, \`openingStoreId\` varchar(36) NULL, \`touchGuideId\` varchar(36) NULL, \`shareCode\` varchar(32) NULL, \`touchedAt\` datetime(6) NULL, INDEX \`idx_member_registrations_time\` (\`registeredAt\`), INDEX \`idx_member_registrations_guide_time\` (\`openingGuideId\`, \`registeredAt\`), PRIMARY KEY (\`memberId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`oa_followers\` (\`unionid\` varchar(64) NOT NULL, \`oaOpenid\` varchar(64) NOT NULL, \`subscribed\` tinyint NOT NULL, \`subscribedAt\` datetime(6) NULL, \`syncedAt\` datetime(6) NOT NULL, PRIMARY KEY (\`unionid\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`oa_followers\``);
    await queryRunner.query(`DROP INDEX \`idx_member_registrations_guide_time\` ON \`member_registrations\``);
    await queryRunner.query(`DROP INDEX \`idx_member_registrations_time\` ON \`member_registrations\``);
    await queryRunner.query(`DROP TABLE \`member_registrations\``);
  }
}
