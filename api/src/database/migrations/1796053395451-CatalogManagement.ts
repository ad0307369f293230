import type { MigrationInterface, QueryRunner } from 'typeorm';

const UTF8MB4 = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';

/** Products gain a description, a gallery and on/off sale; manual stock changes are audited. */
export class CatalogManagement1796053395451 implements MigrationInterface {
  name = 'CatalogManagement1796053395451';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`sku_stock_movements\` (\`id\` varchar(36) NOT NULL, \`skuId\` varchar(36) NOT NULL, \`delta\` int NOT NULL, \`stockAfter\` int NOT NULL, \`reason\` varchar(200) NOT NULL, \`actorId\` varchar(36) NULL, \`dedupeKey\` varchar(64) NULL, \`requestHash\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL, INDEX \`idx_stock_movements_sku_time\` (\`skuId\`, \`createdAt\`), UNIQUE INDEX \`uq_stock_movements_dedupe\` (\`skuId\`, \`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT ${UTF8MB4}`,
    );
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`imageUrls\` text ${UTF8MB4} NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`description\` text ${UTF8MB4} NOT NULL`);
    await queryRunner.query('ALTER TABLE `products` ADD `onSale` tinyint NOT NULL');
    // Existing products stay on sale, their single image becomes the gallery.
    await queryRunner.query(
      `UPDATE \`products\` SET \`onSale\` = 1, \`description\` = '', \`imageUrls\` = IF(\`imageUrl\` = '', '[]', JSON_ARRAY(\`imageUrl\`))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `products` DROP COLUMN `onSale`');
    await queryRunner.query('ALTER TABLE `products` DROP COLUMN `description`');
    await queryRunner.query('ALTER TABLE `products` DROP COLUMN `imageUrls`');
    await queryRunner.query('DROP TABLE `sku_stock_movements`');
  }
}
