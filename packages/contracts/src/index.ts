// The HTTP contract of docs/DOMAIN.md as TypeScript types, shared by api/, miniapp/ and packages/console.
// Field names are fixed by the contract; money is integer fen, rates are basis points.
export * from './share-code.js';
export * from './money.js';
export * from './auth.js';
export * from './catalog.js';
export * from './policy.js';
export * from './shares.js';
export * from './attribution.js';
export * from './orders.js';
export * from './refunds.js';
export * from './after-sales.js';
export * from './commissions.js';
export * from './members.js';
export * from './reports.js';
export * from './console.js';
export * from './console-finance.js';
