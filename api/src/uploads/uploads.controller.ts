import { Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { AppError } from '../common/app-error.js';
import { UploadsService } from './uploads.service.js';
import { answerCreate } from '../common/idempotency-key.js';

/** Content-addressed: the bytes behind a URL never change, so caches may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const notMultipart = () =>
  new AppError(415, 'UPLOAD_NOT_MULTIPART', 'Send the image as multipart/form-data in the field "file"');

/** What @fastify/multipart reports, as the API's own errors. */
function multipartFailure(e: unknown): unknown {
  const code = (e as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'UPLOAD_TOO_LARGE', 'An image may be at most 5 MB');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return notMultipart();
  if (typeof code === 'string' && code.startsWith('FST_'))
    return AppError.badRequest('UPLOAD_MALFORMED', 'The multipart body could not be read');
  return e;
}

@Controller()
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  /** multipart/form-data, one file in the field `file`: PNG, JPEG or WebP, at most 5 MB → `{url}`. */
  @Roles('admin')
  @Post('admin/uploads')
  async upload(
    @CurrentUser() user: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!request.isMultipart()) throw notMultipart();
    let bytes: Buffer;
    try {
      const part = await request.file();
      if (!part || part.fieldname !== 'file')
        throw AppError.badRequest('UPLOAD_FILE_REQUIRED', 'The image must be in the multipart field "file"');
      bytes = await part.toBuffer();
    } catch (e) {
      throw multipartFailure(e);
    }
    const { created, ...result } = await this.uploads.store(bytes, user.sub);
    return answerCreate(reply, !created, result);
  }

  /** The image, with its sniffed content type and year-long caching (public: product pages show it). */
  @Public()
  @Get('uploads/:id')
  async serve(
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    const upload = await this.uploads.get(id);
    const etag = `"${upload.id}"`;
    reply.header('Cache-Control', IMMUTABLE).header('ETag', etag).header('X-Content-Type-Options', 'nosniff');
    if (ifNoneMatch === etag) return reply.status(304).send();
    return reply.header('Content-Type', upload.contentType).send(upload.data);
  }
}
