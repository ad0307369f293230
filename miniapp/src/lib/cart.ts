import { KEYS, load, save } from './storage';

/** A cart line keeps a display snapshot; the server prices the order again at checkout. */
export interface CartLine {
  skuId: string;
  productId: string;
  productName: string;
  skuName: string;
  priceFen: number;
  imageUrl?: string;
  quantity: number;
  stock?: number;
}

export const MAX_QUANTITY = 99;

type Listener = (lines: CartLine[]) => void;
const listeners = new Set<Listener>();

export function cartLines(): CartLine[] {
  const lines = load<CartLine[]>(KEYS.cart);
  return Array.isArray(lines) ? lines : [];
}

function write(lines: CartLine[]): CartLine[] {
  save(KEYS.cart, lines);
  listeners.forEach((l) => l(lines));
  return lines;
}

export function onCartChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function clampQuantity(q: number, stock?: number): number {
  const max = typeof stock === 'number' && stock >= 0 ? Math.min(stock, MAX_QUANTITY) : MAX_QUANTITY;
  return Math.max(1, Math.min(Math.trunc(q) || 1, max));
}

export function addToCart(line: CartLine): CartLine[] {
  const lines = cartLines();
  const existing = lines.find((l) => l.skuId === line.skuId);
  if (existing) {
    existing.quantity = clampQuantity(existing.quantity + line.quantity, line.stock ?? existing.stock);
    Object.assign(existing, { ...line, quantity: existing.quantity });
  } else {
    lines.push({ ...line, quantity: clampQuantity(line.quantity, line.stock) });
  }
  return write(lines);
}

export function setQuantity(skuId: string, quantity: number): CartLine[] {
  const lines = cartLines().map((l) => (l.skuId === skuId ? { ...l, quantity: clampQuantity(quantity, l.stock) } : l));
  return write(lines);
}

export function removeFromCart(skuIds: string[]): CartLine[] {
  const drop = new Set(skuIds);
  return write(cartLines().filter((l) => !drop.has(l.skuId)));
}

export function cartCount(lines = cartLines()): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}

/** Integer fen all the way: price × quantity summed, no floats. */
export function linesTotalFen(lines: Array<{ priceFen: number; quantity: number }>): number {
  return lines.reduce((sum, l) => sum + l.priceFen * l.quantity, 0);
}
