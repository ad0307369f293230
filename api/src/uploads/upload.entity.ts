import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';
import type { ImageType } from './image-type.js';

/**
 * An uploaded image, in the database so every API instance serves it. Keyed by the SHA-256 of its
 * bytes: the same image uploaded twice is one row and one URL.
 */
@Entity('uploads')
export class UploadEntity {
  /** sha256 of the bytes, hex */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  contentType!: ImageType;

  @Column({ type: 'int' })
  byteLength!: number;

  @Column({ type: 'mediumblob' })
  data!: Buffer;

  @IdColumn({ nullable: true })
  createdBy!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
