#!/usr/bin/env node
// Runs the WeChat simulator standalone: node packages/wechat/dist/cli.js --port 3100 [--notify-url URL]
import { parseArgs } from 'node:util';
import { startWechatSimulator } from './simulator/server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3100' },
    host: { type: 'string', default: '127.0.0.1' },
    'notify-url': { type: 'string' },
    'auto-pay-ms': { type: 'string' },
    'auto-refund-ms': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`usage: wechat-sim [--port 3100] [--host 127.0.0.1] [--notify-url URL] [--auto-pay-ms N] [--auto-refund-ms N] [--quiet]
  Simulates api.weixin.qq.com, qyapi.weixin.qq.com and WeChat Pay v3 with the DEMO keys.
  --notify-url     send every payment/refund notification here instead of the order's notify_url
  --auto-pay-ms    pay each new order after N ms (default: wait for POST /sim/pay)
  --auto-refund-ms settle each new refund as SUCCESS after N ms (default: wait for POST /sim/refunds/complete)`);
  process.exit(0);
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const auto = { payAfterMs: num(values['auto-pay-ms']), refundAfterMs: num(values['auto-refund-ms']) };
const sim = await startWechatSimulator({
  port: Number(values.port),
  host: values.host,
  ...(values['notify-url'] ? { notifyUrl: values['notify-url'] } : {}),
  autoNotify: Object.fromEntries(Object.entries(auto).filter(([, v]) => v !== undefined)),
  ...(values.quiet ? {} : { log: (line: string) => console.log(`[wechat-sim] ${line}`) }),
});
console.log(`[wechat-sim] listening on ${sim.url} (DEMO KEYS — never use in production)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
  });
}
