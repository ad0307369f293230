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

const DRAW: Record<PackageShape, (g: G, look: ProductLook, c: number) => void> = {
  dropper(g, { body, accent }, c) {
    shadow(g, c, 492, 110);
    roundRect(g, c - 85, 250, 170, 240, 28);
    fillWithSheen(g, body, c - 85, 170);
    label(g, c - 65, 330, 130, 90, accent);
    roundRect(g, c - 38, 200, 76, 58, 10);
    fillWithSheen(g, accent, c - 38, 76);
    roundRect(g, c - 26, 120, 52, 90, 26);
    fillWithSheen(g, '#2b2b2b', c - 26, 52);
  },
  tube(g, { body, accent }, c) {
    shadow(g, c, 500, 100);
    g.beginPath();
    g.moveTo(c - 110, 130);
    g.lineTo(c + 110, 130);
    g.lineTo(c + 70, 430);
    g.lineTo(c - 70, 430);
    g.closePath();
    fillWithSheen(g, body, c - 110, 220);
    g.fillStyle = 'rgba(0,0,0,0.12)';
    g.fillRect(c - 110, 130, 220, 14);
    label(g, c - 70, 220, 140, 110, accent);
    roundRect(g, c - 60, 428, 120, 70, 12);
    fillWithSheen(g, accent, c - 60, 120);
  },
  lipstick(g, { body, accent }, c) {
    shadow(g, c, 500, 80);
    roundRect(g, c - 55, 300, 110, 195, 10);
    fillWithSheen(g, accent, c - 55, 110);
    roundRect(g, c - 45, 235, 90, 72, 6);
    fillWithSheen(g, '#d9b56a', c - 45, 90);
    g.beginPath();
    g.moveTo(c - 36, 240);
    g.lineTo(c - 36, 150);
    g.lineTo(c + 36, 110);
    g.lineTo(c + 36, 240);
    g.closePath();
    fillWithSheen(g, body, c - 36, 72);
  },
  perfume(g, { body, accent }, c) {
    shadow(g, c, 495, 130);
    roundRect(g, c - 120, 230, 240, 262, 40);
    fillWithSheen(g, body, c - 120, 240);
    roundRect(g, c - 95, 255, 190, 212, 28);
    g.fillStyle = 'rgba(255,255,255,0.18)';
    g.fill();
    label(g, c - 60, 320, 120, 70, accent);
    roundRect(g, c - 22, 190, 44, 44, 6);
    fillWithSheen(g, '#d9b56a', c - 22, 44);
    g.beginPath();
    g.arc(c, 150, 48, 0, Math.PI * 2);
    fillWithSheen(g, accent, c - 48, 96);
  },
  jar(g, { body, accent }, c) {
    shadow(g, c, 470, 150);
    roundRect(g, c - 140, 300, 280, 170, 36);
    fillWithSheen(g, body, c - 140, 280);
    label(g, c - 90, 340, 180, 90, accent);
    roundRect(g, c - 150, 225, 300, 85, 22);
    fillWithSheen(g, accent, c - 150, 300);
  },
  compact(g, { body, accent }, c) {
    shadow(g, c, 450, 170);
    g.beginPath();
    g.ellipse(c, 380, 170, 70, 0, 0, Math.PI * 2);
    fillWithSheen(g, accent, c - 170, 340);
    g.beginPath();
    g.ellipse(c, 350, 170, 70, 0, 0, Math.PI * 2);
    fillWithSheen(g, body, c - 170, 340);
    g.beginPath();
    g.ellipse(c, 350, 110, 40, 0, 0, Math.PI * 2);
    g.strokeStyle = 'rgba(255,255,255,0.6)';
    g.lineWidth = 6;
    g.stroke();
  },
  pump(g, { body, accent }, c) {
    shadow(g, c, 500, 120);
    roundRect(g, c - 95, 250, 190, 245, 30);
    fillWithSheen(g, body, c - 95, 190);
    label(g, c - 70, 320, 140, 100, accent);
    roundRect(g, c - 30, 195, 60, 62, 8);
    fillWithSheen(g, accent, c - 30, 60);
    roundRect(g, c - 12, 150, 24, 50, 4);
    fillWithSheen(g, accent, c - 12, 24);
    roundRect(g, c - 12, 140, 110, 26, 8);
    fillWithSheen(g, accent, c - 12, 110);
  },
};

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
  DRAW[look.shape](g, look, size / 2);
  return canvas.toBuffer('image/jpeg', 86);
}
