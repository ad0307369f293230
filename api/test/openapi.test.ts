// The API reference is generated from the running code: every route, and every request body with the
// fields its DTO validates. And the readiness probe follows the database.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

type Operation = { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } };

describe('GET /api/docs', () => {
  it('serves the OpenAPI page and a document listing every route', async () => {
    const page = await fetch(`${stack.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');

    const doc = (await (await fetch(`${stack.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    // The routes of every domain are in the document.
    const documented = Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    for (const route of [
      '/api/orders',
      '/api/visits',
      '/api/finance/settlements',
      '/api/pos/redemptions',
      '/api/ready',
    ])
      expect(documented).toContain(route);
    expect(documented.length).toBeGreaterThan(80);

    // Every JSON request body names a schema with the DTO's validated fields.
    const bodies = Object.values(doc.paths)
      .flatMap((ops) => Object.values(ops))
      .map((op) => op.requestBody?.content?.['application/json']?.schema?.$ref)
      .filter((ref): ref is string => !!ref);
    expect(bodies.length).toBeGreaterThan(30);
    for (const ref of bodies) {
      const schema = doc.components.schemas[ref.split('/').pop()!];
      expect({ ref, fields: Object.keys(schema?.properties ?? {}).length > 0 }).toEqual({ ref, fields: true });
    }
    const order = doc.components.schemas.CreateOrderDto;
    expect(Object.keys(order.properties ?? {})).toEqual(expect.arrayContaining(['lines', 'shareCode']));
    expect(order.required).toContain('lines');
  });
});

describe('GET /api/ready', () => {
  it('answers 200 while the database answers, 503 once it does not', async () => {
    expect((await fetch(`${stack.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${stack.url}/api/ready`)).status).toBe(200);
    await stack.app.get(DataSource).destroy();
    const res = await fetch(`${stack.url}/api/ready`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_READY');
    expect((await fetch(`${stack.url}/api/health`)).status).toBe(200);
  });
});
