#!/usr/bin/env node
// Serves dist/h5 for a look at the layout without the real API.
//   node scripts/preview.cjs [--port=5180] [--mock]
// Without --mock every /api call answers 503 {error:{code,message}} (error states);
// with --mock a tiny in-memory fake of the contract answers (data states; payments via /sim/pay).
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const port = Number((args.find((a) => a.startsWith('--port=')) ?? '--port=5180').split('=')[1]);
const mock = args.includes('--mock');
const root = path.join(__dirname, '..', 'dist', 'h5');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

const now = Date.now();
const iso = (ms) => new Date(now + ms).toISOString();
const db = {
  products: [
    {
      id: 'p1',
      name: '轻羽速干T恤 男女同款 夏季透气运动短袖',
      categoryId: 'c1',
      imageUrl: '',
      skus: [
        { id: 's1', name: '白色 M', priceFen: 9900, stock: 20 },
        { id: 's2', name: '黑色 L', priceFen: 10900, stock: 0 },
      ],
    },
    {
      id: 'p2',
      name: '城市通勤双肩包 大容量防泼水',
      categoryId: 'c2',
      imageUrl: '',
      skus: [{ id: 's3', name: '标准款', priceFen: 25900, stock: 5 }],
    },
    {
      id: 'p3',
      name: '有机棉家居套装',
      categoryId: 'c1',
      imageUrl: '',
      skus: [{ id: 's4', name: '均码', priceFen: 19900, stock: 8 }],
    },
    {
      id: 'p4',
      name: '陶瓷保温杯 450ml',
      categoryId: 'c3',
      imageUrl: '',
      skus: [{ id: 's5', name: '雾白', priceFen: 6800, stock: 50 }],
    },
  ],
  lives: [
    { id: 'l1', title: '周末通勤穿搭专场', storeId: 'st1', startsAt: iso(-600e3), endsAt: iso(3600e3) },
    { id: 'l2', title: '新品预告：秋冬系列', storeId: 'st2', startsAt: iso(86400e3), endsAt: iso(90000e3) },
  ],
  stores: [
    { id: 'st1', name: '静安嘉里店', city: '上海' },
    { id: 'st2', name: '三里屯店', city: '北京' },
  ],
  orders: [],
};
const skuById = (id) => db.products.flatMap((p) => p.skus).find((s) => s.id === id);

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    ...headers,
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function fakeApi(method, url, body, res) {
  const p = url.split('?')[0];
  let m;
  if (method === 'OPTIONS') return send(res, 204);
  if (method === 'POST' && p === '/api/auth/wechat')
    return send(res, 200, { token: 'c-token', member: { id: 'member-8a3f21', openid: 'o1' } });
  if (method === 'POST' && p === '/api/auth/guide')
    return send(res, 200, {
      token: 'g-token',
      guide: { id: 'g1', storeId: 'st1-000001', name: (body.code || '').split('.')[0] || '导购' },
    });
  if (method === 'GET' && p === '/api/products') return send(res, 200, db.products);
  if (method === 'GET' && (m = /^\/api\/products\/([^/]+)$/.exec(p))) {
    const prod = db.products.find((x) => x.id === m[1]);
    return prod ? send(res, 200, prod) : send(res, 404, { error: { code: 'NOT_FOUND', message: '商品不存在' } });
  }
  if (method === 'GET' && p === '/api/lives') return send(res, 200, db.lives);
  if (method === 'GET' && p === '/api/stores') return send(res, 200, db.stores);
  if (method === 'GET' && p === '/api/config') return send(res, 200, { simulatorUrl: `http://127.0.0.1:${port}` });
  if (method === 'POST' && p === '/api/visits') return send(res, 202);
  if (method === 'POST' && p === '/api/orders') {
    const lines = body.lines.map((l, i) => ({
      id: `ol${i}`,
      skuId: l.skuId,
      quantity: l.quantity,
      unitPriceFen: skuById(l.skuId).priceFen,
      amountFen: skuById(l.skuId).priceFen * l.quantity,
    }));
    const order = {
      id: `ord${Date.now().toString(36)}`,
      status: 'PENDING_PAYMENT',
      channel: 'online',
      storeId: 'st1',
      memberId: 'member-8a3f21',
      totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
      lines,
      attribution: null,
      createdAt: new Date().toISOString(),
      shareCode: body.shareCode,
    };
    db.orders.unshift(order);
    return send(res, 201, order);
  }
  if (method === 'POST' && (m = /^\/api\/orders\/([^/]+)\/payment$/.exec(p)))
    return send(res, 200, {
      timeStamp: '1',
      nonceStr: 'n',
      package: `prepay_id=${m[1]}`,
      signType: 'RSA',
      paySign: 'x',
    });
  if (method === 'POST' && p === '/sim/pay') {
    const o = db.orders.find((x) => x.id === body.out_trade_no);
    if (o)
      setTimeout(
        () => Object.assign(o, { status: 'PAID', paidAt: new Date().toISOString(), paidFen: o.totalFen }),
        500,
      );
    return send(res, 200, { ok: true });
  }
  if (method === 'GET' && p === '/api/orders') return send(res, 200, db.orders);
  if (method === 'GET' && (m = /^\/api\/orders\/([^/]+)$/.exec(p))) {
    const o = db.orders.find((x) => x.id === m[1]);
    return o ? send(res, 200, o) : send(res, 404, { error: { code: 'NOT_FOUND', message: '订单不存在' } });
  }
  if (method === 'GET' && p === '/api/members/me/code')
    return send(res, 200, {
      code: String(100000000000 + Math.floor(Math.random() * 9e11)),
      expiresAt: new Date(Date.now() + 60e3).toISOString(),
    });
  if (method === 'POST' && p === '/api/shares') {
    const code = 'AbCdEfGhIjKlMn' + Math.random().toString(36).slice(2, 10).padEnd(8, '0');
    const page = body.kind === 'live' ? 'pages/live/index' : 'pages/product/index';
    return send(res, 201, {
      code,
      kind: body.kind,
      targetId: body.targetId,
      guideId: 'g1',
      storeId: 'st1',
      path: `/${page}?id=${body.targetId}&s=${code}`,
      scene: code,
    });
  }
  if (method === 'GET' && p === '/api/guides/me/commissions') {
    const entries = db.orders
      .filter((o) => o.status === 'PAID' && o.shareCode)
      .map((o, i) => ({
        id: `e${i}`,
        orderId: o.id,
        kind: 'accrual',
        amountFen: Math.floor((o.totalFen * 500) / 10000),
        rateBps: 500,
        availableAt: iso(7 * 86400e3),
        settlementId: null,
      }));
    return send(res, 200, {
      entries,
      pendingFen: entries.reduce((s, e) => s + e.amountFen, 0),
      availableFen: 0,
      settledFen: 0,
    });
  }
  return send(res, 404, { error: { code: 'NOT_FOUND', message: `${method} ${p} 不存在` } });
}

http
  .createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = req.url || '/';
      if (url.startsWith('/api/') || url.startsWith('/sim/')) {
        if (!mock)
          return send(res, 503, {
            error: { code: 'SERVICE_UNAVAILABLE', message: '预览服务器没有连接 API（静态预览）' },
          });
        let body;
        try {
          body = raw ? JSON.parse(raw) : {};
        } catch {
          return send(res, 400, { error: { code: 'VALIDATION_FAILED', message: 'bad json' } });
        }
        return fakeApi(req.method, url, body, res);
      }
      const file = path.join(root, decodeURIComponent(url.split('?')[0] === '/' ? '/index.html' : url.split('?')[0]));
      if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404);
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`preview: http://127.0.0.1:${port}/ (${mock ? 'fake API' : 'no API'})`));
