// Vant inlines its icon font (about 25 KB) into its CSS as a data: URL, which puts the font
// on the critical path of every first paint. This plugin writes the font out as a file
// that Vite hashes and serves like any asset, so the CSS stays small and the font loads
// beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const VANT_ICON_CSS = /vant[/\\]es[/\\]icon[/\\]index\.css$/;
const DATA_URL = /url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\)/;
// Vant's fallback for browsers without woff2 is on a CDN: every browser we serve reads woff2,
// and a request to another host on the first load costs a slow phone seconds (and the CSP
// refuses it anyway).
const CDN_FALLBACK = /,\s*url\(\/\/at\.alicdn\.com\/[^)]*\)\s*format\("woff"\)/;

export function vantIconFontFile(cacheDir) {
  return {
    name: 'jipin-vant-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!VANT_ICON_CSS.test(id)) return null;
      const match = code.match(DATA_URL);
      if (!match) return null;
      mkdirSync(cacheDir, { recursive: true });
      const font = join(cacheDir, 'vant-icon.woff2');
      writeFileSync(font, Buffer.from(match[1], 'base64'));
      const path = relative(dirname(id), font).split('\\').join('/');
      const local = code.replace(DATA_URL, `url("${path}")`).replace(CDN_FALLBACK, '');
      return { code: local, map: null };
    },
  };
}
