import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/** The kinds of package the demo catalog draws. */
export type PackageShape = 'dropper' | 'tube' | 'lipstick' | 'perfume' | 'jar' | 'compact' | 'pump';

export interface ProductLook {
  shape: PackageShape;
  /** the package's main colour and its darker accent (cap, band) */
  body: string;
  accent: string;
  /** the two colours of the soft background */
  background: [string, string];
}

/** Square product photos, like a studio shot on a soft backdrop (750 px is WeChat's design width). */
export const PRODUCT_IMAGE_SIZE = 600;

type G = SKRSContext2D;

function roundRect(g: G, x: number, y: number, w: number, h: number, r: number) {
  g.beginPath();
  g.roundRect(x, y, w, h, r);
  g.closePath();
}

/** A vertical sheen across a package: light on the left third, shade on the right. */
function sheen(g: G, x: number, w: number) {
  const s = g.createLinearGradient(x, 0, x + w, 0);
  s.addColorStop(0, 'rgba(255,255,255,0.05)');
  s.addColorStop(0.25, 'rgba(255,255,255,0.45)');
  s.addColorStop(0.4, 'rgba(255,255,255,0.08)');
  s.addColorStop(1, 'rgba(0,0,0,0.18)');
  return s;
}

function fillWithSheen(g: G, colour: string, x: number, w: number) {
  g.fillStyle = colour;
  g.fill();
  g.fillStyle = sheen(g, x, w);
  g.fill();
}

function shadow(g: G, cx: number, y: number, w: number) {
  const s = g.createRadialGradient(cx, y, 4, cx, y, w);
  s.addColorStop(0, 'rgba(0,0,0,0.28)');
  s.addColorStop(1, 'rgba(0,0,0,0)');
  g.save();
  g.scale(1, 0.18);
  g.fillStyle = s;
  g.beginPath();
  g.arc(cx, y / 0.18, w, 0, Math.PI * 2);
  g.fill();
  g.restore();
}

/** A label band with two thin lines in place of text (no font needed). */
function label(g: G, x: number, y: number, w: number, h: number, ink: string) {
  roundRect(g, x, y, w, h, 6);
  g.fillStyle = 'rgba(255,255,255,0.82)';
  g.fill();
  g.fillStyle = ink;
  g.fillRect(x + w * 0.2, y + h * 0.32, w * 0.6, Math.max(3, h * 0.1));
  g.fillRect(x + w * 0.3, y + h * 0.58, w * 0.4, Math.max(2, h * 0.06));
}

/**
 * Each package as a list of parts, x relative to the centre line, drawn in order. A colour is `body`,
 * `accent` or a literal; every filled part gets the sheen across its own width.
 *   shadow Y W          contact shadow on the table at Y, W wide
 *   box X Y W H R FILL  rounded rectangle
 *   label X Y W H       label band in the accent colour
 *   poly FILL X,Y ...   polygon
 *   oval Y RX RY FILL   ellipse;  ring Y RX RY: its white outline;  ball Y R FILL: circle
 *   tint X Y W H R RGBA plain translucent rounded rectangle (glass);  band X Y W H RGBA: a plain strip
 */
const PARTS: Record<PackageShape, string> = {
  dropper:
    'shadow 492 110|box -85 250 170 240 28 body|label -65 330 130 90|box -38 200 76 58 10 accent|box -26 120 52 90 26 #2b2b2b',
  tube: 'shadow 500 100|poly body -110,130 110,130 70,430 -70,430|band -110 130 220 14 rgba(0,0,0,0.12)|label -70 220 140 110|box -60 428 120 70 12 accent',
  lipstick:
    'shadow 500 80|box -55 300 110 195 10 accent|box -45 235 90 72 6 #d9b56a|poly body -36,240 -36,150 36,110 36,240',
  perfume:
    'shadow 495 130|box -120 230 240 262 40 body|tint -95 255 190 212 28 rgba(255,255,255,0.18)|label -60 320 120 70|box -22 190 44 44 6 #d9b56a|ball 150 48 accent',
  jar: 'shadow 470 150|box -140 300 280 170 36 body|label -90 340 180 90|box -150 225 300 85 22 accent',
  compact: 'shadow 450 170|oval 380 170 70 accent|oval 350 170 70 body|ring 350 110 40',
  pump: 'shadow 500 120|box -95 250 190 245 30 body|label -70 320 140 100|box -30 195 60 62 8 accent|box -12 150 24 50 4 accent|box -12 140 110 26 8 accent',
};

function drawPackage(g: G, look: ProductLook, c: number) {
  const colour = (name: string) => (name === 'body' ? look.body : name === 'accent' ? look.accent : name);
  for (const part of PARTS[look.shape].split('|')) {
    const [kind, ...args] = part.split(' ');
    const n = args.map(Number);
    if (kind === 'shadow') shadow(g, c, n[0], n[1]);
    else if (kind === 'label') label(g, c + n[0], n[1], n[2], n[3], look.accent);
    else if (kind === 'band') {
      g.fillStyle = args[4];
      g.fillRect(c + n[0], n[1], n[2], n[3]);
    } else if (kind === 'box' || kind === 'tint') {
      roundRect(g, c + n[0], n[1], n[2], n[3], n[4]);
      if (kind === 'box') fillWithSheen(g, colour(args[5]), c + n[0], n[2]);
      else {
        g.fillStyle = args[5];
        g.fill();
      }
    } else if (kind === 'poly') {
      const points = args.slice(1).map((p) => p.split(',').map(Number));
      g.beginPath();
      for (const [x, y] of points) g.lineTo(c + x, y);
      g.closePath();
      const xs = points.map(([x]) => x);
      fillWithSheen(g, colour(args[0]), c + Math.min(...xs), Math.max(...xs) - Math.min(...xs));
    } else {
      // oval, ring, ball: ellipses on the centre line
      const [y, rx, ry] = kind === 'ball' ? [n[0], n[1], n[1]] : n;
      g.beginPath();
      g.ellipse(c, y, rx, ry, 0, 0, Math.PI * 2);
      if (kind !== 'ring') fillWithSheen(g, colour(args[kind === 'ball' ? 2 : 3]), c - rx, 2 * rx);
      else {
        g.strokeStyle = 'rgba(255,255,255,0.6)';
        g.lineWidth = 6;
        g.stroke();
      }
    }
  }
}

/**
 * A product photo drawn from shapes: a soft gradient backdrop, a halo and the package with its sheen
 * and shadow. `variant` 1 is a closer second shot for the gallery. JPEG bytes (a soft gradient is
 * ~10 KB as JPEG and ~160 KB as PNG), deterministic.
 */
export function productImage(look: ProductLook, variant = 0): Buffer {
  const size = PRODUCT_IMAGE_SIZE;
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const [from, to] = variant ? [look.background[1], look.background[0]] : look.background;
  const bg = g.createLinearGradient(0, 0, size, size);
  bg.addColorStop(0, from);
  bg.addColorStop(1, to);
  g.fillStyle = bg;
  g.fillRect(0, 0, size, size);
  const halo = g.createRadialGradient(size / 2, size * 0.45, 20, size / 2, size * 0.45, size * 0.42);
  halo.addColorStop(0, 'rgba(255,255,255,0.75)');
  halo.addColorStop(1, 'rgba(255,255,255,0)');
  g.fillStyle = halo;
  g.fillRect(0, 0, size, size);
  // A table edge the package stands on.
  g.fillStyle = 'rgba(255,255,255,0.35)';
  g.fillRect(0, size * 0.83, size, size * 0.17);
  if (variant) {
    g.translate(size / 2, size / 2);
    g.scale(1.15, 1.15);
    g.rotate(-0.06);
    g.translate(-size / 2, -size / 2 + 10);
  }
  drawPackage(g, look, size / 2);
  return canvas.toBuffer('image/jpeg', 86);
}
