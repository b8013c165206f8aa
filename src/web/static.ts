// Static assets: Det Fælles Designsystem's stylesheet with the fonts and icons it references,
// our own additions and the print stylesheet. Everything is served from our own origin (the
// CSP is `default-src 'self'`, and a citizen's visit must not be reported to a font CDN) under
// a URL that carries a hash of the content, so browsers may cache it for a year and a new
// release still reaches them at once.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { portalCss } from './portal/styles.js';
import { printCss } from './portal/print-styles.js';
import { editorCss } from './editor/styles.js';

export const STATIC_PREFIX = '/static/';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.js': 'text/javascript; charset=utf-8',
};

interface Asset {
  /** The fingerprinted file name, e.g. "dkfds.3f2a9c1b.css". */
  file: string;
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

interface AssetTable {
  /** Logical name ("dkfds.css") → fingerprinted URL. */
  urls: Map<string, string>;
  /** Fingerprinted file name → asset. */
  files: Map<string, Asset>;
}

/** Matches url(x), url('x') and url("x"); group 2 is the reference. */
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/** A copy in a plain ArrayBuffer: Buffers may share a pooled one, which Response cannot take. */
const readBytes = (path: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(path));

function fingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

class AssetBuilder {
  readonly urls = new Map<string, string>();
  readonly files = new Map<string, Asset>();

  add(name: string, body: Uint8Array<ArrayBuffer>): string {
    const known = this.urls.get(name);
    if (known !== undefined) return known;
    const ext = extname(name);
    const contentType = contentTypes[ext];
    if (contentType === undefined) throw new Error(`static asset ${name}: unknown file type`);
    const file = `${basename(name, ext)}.${fingerprint(body)}${ext}`;
    const url = `${STATIC_PREFIX}${file}`;
    this.urls.set(name, url);
    this.files.set(file, { file, body, contentType });
    return url;
  }
}

/**
 * Reads a DKFDS stylesheet and registers every file it references, rewriting each reference to
 * that file's fingerprinted URL. Files are keyed by their base name; the package has no two
 * referenced files with the same base name, and a future one that does fails at start-up.
 */
function addDkfdsStylesheet(builder: AssetBuilder, distDir: string, cssPath: string): string {
  const cssDir = dirname(cssPath);
  const bySource = new Map<string, string>();
  const css = readFileSync(cssPath, 'utf8').replace(CSS_URL, (whole, _quote: string, ref: string) => {
    if (/^(data:|[a-z]+:|\/\/|#)/i.test(ref)) return whole;
    // "font.eot?#iefix": the file is the part before ? or #, the rest is kept for the browser.
    const cut = ref.search(/[?#]/);
    const pathPart = cut < 0 ? ref : ref.slice(0, cut);
    const suffix = cut < 0 ? '' : ref.slice(cut);
    const source = resolve(cssDir, pathPart);
    if (relative(distDir, source).startsWith(`..${sep}`)) throw new Error(`dkfds.css references ${ref} outside the package`);
    const name = basename(source);
    const previous = bySource.get(name);
    if (previous !== undefined && previous !== source) throw new Error(`dkfds.css: two assets named ${name}`);
    bySource.set(name, source);
    return `url(${builder.add(name, readBytes(source))}${suffix})`;
  });
  // The source map is not served; its comment would only make developer tools ask for it.
  const withoutMap = css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
  return builder.add('dkfds.css', new TextEncoder().encode(withoutMap));
}

function dkfdsDistDir(): string {
  // The package exports only its script (dist/js/dkfds.min.js), not package.json; resolving
  // that still finds the package wherever npm put it, and dist/ is two levels up.
  const require = createRequire(import.meta.url);
  return dirname(dirname(require.resolve('dkfds')));
}

/**
 * The editor's browser script is a plain file in the source tree (no build step; tsc does not
 * copy it): found next to this module when run from src/, else from dist/src/web/ up to the
 * package's src/.
 */
function editorScriptPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'editor', 'assets', 'editor.js'), resolve(here, '..', '..', '..', 'src', 'web', 'editor', 'assets', 'editor.js')];
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) throw new Error(`editor.js not found (looked in ${candidates.join(', ')})`);
  return found;
}

function buildAssets(): AssetTable {
  const dist = dkfdsDistDir();
  const builder = new AssetBuilder();
  // The neutral theme: the borger.dk and virk.dk themes carry those portals' logos.
  addDkfdsStylesheet(builder, dist, join(dist, 'css', 'dkfds.min.css'));
  builder.add('icons.svg', readBytes(join(dist, 'img', 'all-svg-icons.svg')));
  builder.add('protokol.css', new TextEncoder().encode(portalCss));
  builder.add('print.css', new TextEncoder().encode(printCss));
  builder.add('editor.css', new TextEncoder().encode(editorCss));
  builder.add('editor.js', readBytes(editorScriptPath()));
  return { urls: builder.urls, files: builder.files };
}

// The one module-level variable web/ keeps, on purpose: a cache written once and never
// changed after. Its content depends only on the files of the installed packages and our
// stylesheets, never on an app's settings or requests, so every app built in the process
// (tests build many) would build the identical table; layouts call assetUrl() from any page
// without threading a dependency through every component.
let table: AssetTable | undefined;

/** Built on first use (the app builds it at start-up through staticRoutes) and kept. */
function assets(): AssetTable {
  table ??= buildAssets();
  return table;
}

/** The fingerprinted URL of a named asset: assetUrl('dkfds.css') → /static/dkfds.3f2a9c1b.css. */
export function assetUrl(name: string): string {
  const url = assets().urls.get(name);
  if (url === undefined) throw new Error(`no static asset named ${name}`);
  return url;
}

/** Every fingerprinted URL, for tests and for a future preload list. */
export function assetUrls(): string[] {
  return [...assets().urls.values()];
}

/** Mount at the root: `app.route('/', staticRoutes())`. Anything unknown under /static/ is 404. */
export function staticRoutes(): Hono {
  const { files } = assets();
  const app = new Hono();
  app.get(`${STATIC_PREFIX}:file`, (c) => {
    const asset = files.get(c.req.param('file'));
    if (asset === undefined) return c.notFound();
    return c.body(asset.body, 200, {
      'Content-Type': asset.contentType,
      'Content-Length': String(asset.body.byteLength),
      'Cache-Control': IMMUTABLE,
    });
  });
  return app;
}
