// sitemaps.org 0.9 XML and robots.txt. Pure: absolute URLs and dates come from the caller.
import { escapeXml } from './xml.js';

export interface SitemapUrl {
  loc: string;
  /** YYYY-MM-DD or an ISO timestamp; cut to the date (W3C Datetime allows either). */
  lastmod?: string | null;
}

export function renderSitemap(urls: SitemapUrl[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const u of urls) {
    const lastmod = u.lastmod && /^\d{4}-\d{2}-\d{2}/.test(u.lastmod) ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : '';
    out.push(`  <url><loc>${escapeXml(u.loc)}</loc>${lastmod}</url>`);
  }
  out.push('</urlset>', '');
  return out.join('\n');
}

/** The portal is public as a whole: allow everything and point to the sitemap. */
export function renderRobots(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
