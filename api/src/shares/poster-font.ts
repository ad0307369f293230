import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { GlobalFonts } from '@napi-rs/canvas';

/** The family name posters draw with once a CJK font is registered. */
export const POSTER_FONT = 'GuideSharePoster';

/**
 * Fonts with Chinese glyphs, in order of preference: Debian's `fonts-wqy-microhei` (what CI and
 * `.ci/run` install), `fonts-wqy-zenhei`, `fonts-noto-cjk`, Android's Droid fallback, macOS.
 */
export const SYSTEM_CJK_FONTS = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
];

export interface PosterFont {
  /** The CSS font-family list to draw with. */
  family: string;
  /** The file in use, or null when none was found (Chinese then draws as boxes). */
  file: string | null;
}

let chosen: PosterFont | null = null;

/**
 * Registers the first CJK font found (POSTER_FONT_FILE first) once per process. Without one the
 * poster still renders, with a loud warning naming the fix, so a fresh demo machine keeps working.
 */
export function posterFont(configured: string | null): PosterFont {
  if (chosen) return chosen;
  const logger = new Logger('Poster');
  for (const file of configured ? [configured, ...SYSTEM_CJK_FONTS] : SYSTEM_CJK_FONTS) {
    if (!existsSync(file)) {
      if (file === configured) logger.warn(`POSTER_FONT_FILE ${file} does not exist; looking for a system font`);
      continue;
    }
    if (GlobalFonts.registerFromPath(file, POSTER_FONT)) {
      chosen = { family: `${POSTER_FONT}, sans-serif`, file };
      return chosen;
    }
    logger.warn(`Could not load the font ${file}`);
  }
  logger.warn(
    'No font with Chinese glyphs found: posters will show Chinese as boxes. Install one ' +
      '(Debian: apt-get install fonts-wqy-microhei) or set POSTER_FONT_FILE to a .ttf/.ttc/.otf file.',
  );
  chosen = { family: 'sans-serif', file: null };
  return chosen;
}
