import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/** The console's pages and scripts: plain files, served as they are (no build step). */
export const CONSOLE_PAGES = { home: 'index.html', item: 'item.html', alerts: 'alerts.html', upload: 'upload.html' } as const;

/** Files a page may load from /console/assets/: ours, and the chart library's browser build. */
const OWN_ASSETS = ['console.css', 'console.js', 'home.js', 'item.js', 'alerts.js', 'upload.js'];

/** libs/console/public, found from here whether running from the sources (tests) or from dist/. */
export const PUBLIC_DIR = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'console', 'public');
    if (existsSync(join(candidate, CONSOLE_PAGES.home))) return candidate;
  }
  throw new Error('libs/console/public not found above ' + fileURLToPath(import.meta.url));
})();

const ECHARTS = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');

/** The path of an asset by its public name, or undefined for anything else (no path from the request reaches the disk). */
export function assetPath(name: string): string | undefined {
  if (name === 'echarts.min.js') return ECHARTS;
  return OWN_ASSETS.includes(name) ? join(PUBLIC_DIR, name) : undefined;
}
