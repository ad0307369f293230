// The ceiling for the visit benchmark: the API's own Fastify, no Nest, one GET, production mode.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './lib/env.js';

const require = createRequire(join(ROOT, 'api/package.json'));
const Fastify = require('fastify');

const app = Fastify({ logger: false });
app.get('/ping', async () => ({ ok: true }));
process.on('disconnect', () => process.exit(0));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
