import jsqr from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with an ES-style default in its types: take the function whichever way it loads.
type Decode = typeof jsqr.default;
const jsQR: Decode = (jsqr as unknown as { default?: Decode }).default ?? (jsqr as unknown as Decode);

/** A PNG's size and the text of the QR code in it (null when none is found). */
export function decodePngQr(bytes: Buffer): { width: number; height: number; qr: string | null } {
  const png = PNG.sync.read(bytes);
  return {
    width: png.width,
    height: png.height,
    qr: jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null,
  };
}
