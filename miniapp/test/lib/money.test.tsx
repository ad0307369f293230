import { render, screen } from '@testing-library/react';
import { formatPrice } from '@guideshare/contracts';
import { Price } from '../../src/components/Price';
import { addToCart, cartCount, cartLines, linesTotalFen, removeFromCart, setQuantity } from '../../src/lib/cart';

describe('money formatting', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [5, '¥0.05'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [12345, '¥123.45'],
    [1999999, '¥19999.99'],
    [-250, '-¥2.50'],
  ])('formatPrice(%i) = %s', (fen, text) => {
    expect(formatPrice(fen)).toBe(text);
  });

  it('refuses non-integer fen (no floats anywhere)', () => {
    expect(() => formatPrice(0.1)).toThrow(RangeError);
  });

  it('<Price> shows ¥, yuan and fen from integer fen', () => {
    render(<Price fen={12345} testId="p" />);
    expect(screen.getByTestId('p')).toHaveTextContent('¥123.45');
    render(<Price fen={7} testId="q" suffix="起" />);
    expect(screen.getByTestId('q')).toHaveTextContent('¥0.07起');
    render(<Price fen={-100} testId="r" />);
    expect(screen.getByTestId('r')).toHaveTextContent('-¥1.00');
  });

  it('sums lines in integer fen (0.1 + 0.2 problems impossible)', () => {
    expect(
      linesTotalFen([
        { priceFen: 10, quantity: 1 },
        { priceFen: 20, quantity: 1 },
      ]),
    ).toBe(30);
    expect(
      linesTotalFen([
        { priceFen: 1999, quantity: 3 },
        { priceFen: 1, quantity: 7 },
      ]),
    ).toBe(6004);
  });
});

describe('cart', () => {
  const line = {
    skuId: 's1',
    productId: 'p1',
    productName: 'T恤',
    skuName: 'M',
    priceFen: 9900,
    quantity: 1,
    stock: 5,
  };

  it('adds, merges, clamps to stock and removes', () => {
    addToCart(line);
    addToCart({ ...line, quantity: 2 });
    expect(cartLines()).toHaveLength(1);
    expect(cartLines()[0].quantity).toBe(3);
    addToCart({ ...line, quantity: 10 });
    expect(cartLines()[0].quantity).toBe(5); // stock
    setQuantity('s1', 0);
    expect(cartLines()[0].quantity).toBe(1);
    addToCart({ ...line, skuId: 's2', quantity: 2, stock: undefined });
    expect(cartCount()).toBe(3);
    removeFromCart(['s1']);
    expect(cartLines().map((l) => l.skuId)).toEqual(['s2']);
  });
});
