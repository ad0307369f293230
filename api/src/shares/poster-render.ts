import { createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';

/** Poster size in px: 750 wide (WeChat's design width), a 1:1 picture and a footer with the code. */
export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1200;
const PAD = 40;
const PICTURE = POSTER_WIDTH; // square picture on top
const CODE = 240;

export interface PosterContent {
  /** The product's or live's picture (already downloaded), or null for a drawn placeholder. */
  image: Buffer | null;
  title: string;
  /** Price ("¥100.00") or the live's time; drawn in the accent colour. */
  highlight: string;
  /** A quieter line under the highlight (store, "直播预告"…). */
  note: string;
  guideName: string;
  wxacode: Buffer;
  fontFamily: string;
}

const ACCENT = '#e4393c';
const INK = '#222222';
const MUTED = '#888888';

/** Splits `text` into at most `maxLines` lines that fit `width`, ending with "…" when cut. */
function wrap(g: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (g.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch;
      if (lines.length === maxLines) break;
    } else line += ch;
  }
  if (lines.length < maxLines && line) lines.push(line);
  const used = lines.join('').length;
  if (used < Array.from(text).length && lines.length) {
    let last = lines[lines.length - 1]!;
    while (last && g.measureText(`${last}…`).width > width) last = last.slice(0, -1);
    lines[lines.length - 1] = `${last}…`;
  }
  return lines;
}

async function picture(bytes: Buffer | null): Promise<Image | null> {
  if (!bytes) return null;
  try {
    return await loadImage(bytes);
  } catch {
    return null; // not an image we can decode: the placeholder is drawn instead
  }
}

/** Draws the poster as a PNG. Pure drawing: every input is already loaded. */
export async function renderPoster(c: PosterContent): Promise<Buffer> {
  const canvas = createCanvas(POSTER_WIDTH, POSTER_HEIGHT);
  const g = canvas.getContext('2d');
  const font = (px: number, weight = 'normal') => `${weight} ${px}px ${c.fontFamily}`;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  const img = await picture(c.image);
  if (img) {
    // cover: fill the square, crop the overflow
    const scale = Math.max(PICTURE / img.width, PICTURE / img.height);
    const w = img.width * scale;
    const h = img.height * scale;
    g.save();
    g.beginPath();
    g.rect(0, 0, POSTER_WIDTH, PICTURE);
    g.clip();
    g.drawImage(img, (POSTER_WIDTH - w) / 2, (PICTURE - h) / 2, w, h);
    g.restore();
  } else {
    g.fillStyle = '#fdecec';
    g.fillRect(0, 0, POSTER_WIDTH, PICTURE);
    g.fillStyle = ACCENT;
    g.font = font(220, 'bold');
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(Array.from(c.title)[0] ?? '', POSTER_WIDTH / 2, PICTURE / 2);
    g.textAlign = 'left';
  }

  g.textBaseline = 'top';
  const textWidth = POSTER_WIDTH - PAD * 3 - CODE;
  let y = PICTURE + 32;
  g.fillStyle = INK;
  g.font = font(36, 'bold');
  for (const line of wrap(g, c.title, textWidth, 2)) {
    g.fillText(line, PAD, y);
    y += 48;
  }
  y += 8;
  g.fillStyle = ACCENT;
  g.font = font(40, 'bold');
  for (const line of wrap(g, c.highlight, textWidth, 2)) {
    g.fillText(line, PAD, y);
    y += 50;
  }
  g.fillStyle = MUTED;
  g.font = font(26);
  if (c.note) g.fillText(wrap(g, c.note, textWidth, 1)[0] ?? '', PAD, y + 6);

  g.fillStyle = INK;
  g.font = font(28);
  const footer = POSTER_HEIGHT - PAD;
  g.textBaseline = 'bottom';
  g.fillText(wrap(g, `导购 ${c.guideName} 为您推荐`, textWidth, 1)[0] ?? '', PAD, footer - 40);
  g.fillStyle = MUTED;
  g.font = font(24);
  g.fillText('长按识别小程序码，查看详情', PAD, footer);

  const code = await loadImage(c.wxacode);
  g.drawImage(code, POSTER_WIDTH - PAD - CODE, POSTER_HEIGHT - PAD - CODE, CODE, CODE);
  return canvas.toBuffer('image/png');
}
