import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

/**
 * The API reference, generated from the running code: `GET /api/docs` (the page) and
 * `GET /api/docs-json` (the OpenAPI document). Routes and their parameters come from the controllers;
 * each DTO's fields, types and limits come from its class-validator decorators — the same metadata the
 * validation pipe enforces, so the reference cannot drift from what the API accepts.
 */
export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GuideShare API')
    .setDescription(
      'Guide-share storefront, order, commission and finance API. Money is integer fen (fields ending ' +
        '`Fen`), rates basis points (`Bps`), times ISO-8601 with offset. Errors: `{"error": {"code", "message", "details?"}}`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Store-Key' }, 'store-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' });
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...(schemas as OpenAPIObject['components']) };
  return document;
}

export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'GuideShare API',
  });
}
