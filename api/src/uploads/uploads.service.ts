import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { UploadResponse } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { sniffImageType } from './image-type.js';
import { UploadEntity } from './upload.entity.js';

/** 5 MB: a product photo from a phone, well under MariaDB's default 16 MB packet. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const ID = /^[0-9a-f]{64}$/;

export const uploadUrl = (id: string) => `/api/uploads/${id}`;

@Injectable()
export class UploadsService {
  constructor(@InjectRepository(UploadEntity) private readonly uploads: Repository<UploadEntity>) {}

  /**
   * Stores an image by the SHA-256 of its bytes. The type comes from the bytes (PNG, JPEG or WebP);
   * anything else is a 415 and writes nothing. The same bytes again → the same URL (`created: false`).
   */
  async store(bytes: Buffer, actorId: string | null): Promise<UploadResponse & { created: boolean }> {
    if (!bytes.length) throw AppError.badRequest('UPLOAD_EMPTY', 'The file is empty');
    if (bytes.length > MAX_UPLOAD_BYTES)
      throw new AppError(413, 'UPLOAD_TOO_LARGE', `An image may be at most ${MAX_UPLOAD_BYTES} bytes`);
    const contentType = sniffImageType(bytes);
    if (!contentType)
      throw new AppError(415, 'UPLOAD_TYPE_UNSUPPORTED', 'Only PNG, JPEG and WebP images can be uploaded');
    const id = createHash('sha256').update(bytes).digest('hex');
    const view = { url: uploadUrl(id), id, contentType, byteLength: bytes.length };
    const stored = async () => ((await this.uploads.existsBy({ id })) ? view : null);
    if (await stored()) return { ...view, created: false };
    // Two instances storing the same image at once: one row, both answer its URL.
    const { replayed } = await insertOrReplay(async () => {
      await this.uploads.insert({
        id,
        contentType,
        byteLength: bytes.length,
        data: bytes,
        createdBy: actorId,
        createdAt: new Date(),
      });
      return view;
    }, stored);
    return { ...view, created: !replayed };
  }

  async get(id: string): Promise<UploadEntity> {
    const upload = ID.test(id) ? await this.uploads.findOneBy({ id }) : null;
    if (!upload) throw AppError.notFound('UPLOAD_NOT_FOUND', `No upload ${id}`);
    return upload;
  }
}
