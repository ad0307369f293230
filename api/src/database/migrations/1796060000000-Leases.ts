import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Leases1796060000000 implements MigrationInterface {
  name = 'Leases1796060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`leases\` (\`name\` varchar(64) NOT NULL, \`holder\` varchar(64) NOT NULL, \`expiresAt\` datetime(6) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`leases\``);
  }
}
