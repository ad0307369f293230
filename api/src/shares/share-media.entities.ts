import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

// Images made for a share, kept so WeChat is asked once per code and a poster is drawn once per
// version of what it shows. MEDIUMBLOB on MariaDB (a WeChat code or poster can pass BLOB's 64 KB);
// the sql.js demo stores the same bytes as BLOB (database/data-source-options.ts).

/** The mini-program code of a share. The row is first a claim (png null), then the image. */
@Entity('share_wxacodes')
export class ShareWxacodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  shareCode!: string;

  @Column({ type: 'mediumblob', nullable: true })
  png!: Buffer | null;

  /** When the current fetcher claimed the code; a stale claim (its fetcher died) may be taken over. */
  @InstantColumn()
  claimedAt!: Date;

  @InstantColumn({ nullable: true })
  fetchedAt!: Date | null;
}

/** A rendered poster; `version` is a hash of everything drawn on it, so a changed price draws anew. */
@Entity('share_posters')
export class SharePosterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  shareCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  version!: string;

  @Column({ type: 'mediumblob' })
  png!: Buffer;

  @InstantColumn()
  createdAt!: Date;
}
