import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import express from 'express';

/** Encodings the web build writes next to each asset (apps/web/vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Hashed file names change with their content, so a phone may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built web app, as one process serves it in production:
 * - `/assets/*` from the compressed copy the client accepts (Brotli, else gzip, else the plain file),
 *   so a phone downloads the gzipped weight `scripts/bundle-size.mjs` budgets, not the raw bytes;
 * - any other non-API GET gets index.html (single-page app), never cached for long.
 */
export function webAppRouter(dist: string): express.Router {
  const router = express.Router();
  const assets = join(dist, 'assets') + sep;
  router.get('/assets/{*file}', (req, res, next) => {
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && existsSync(join(dist, `${req.path}${e.suffix}`)));
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding.name);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.type(extname(req.path));
    // `root` confines the path to dist (send refuses `..`).
    res.sendFile(`${req.path.slice(1)}${encoding.suffix}`, { root: dist, cacheControl: false }, (error) => error && next(error));
  });
  router.use(
    express.static(dist, {
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        const hashed = path.startsWith(assets);
        res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'public, max-age=3600');
        if (hashed) res.setHeader('Vary', 'Accept-Encoding');
      },
    }),
  );
  router.get('/{*page}', (req, res, next) => {
    // An asset that is not there (an old chunk after a deploy) is a 404, not the page.
    if (req.path.startsWith('/api') || req.path.startsWith('/socket.io') || req.path.startsWith('/assets/')) return next();
    res.sendFile('index.html', { root: dist, cacheControl: false, headers: { 'Cache-Control': 'no-cache' } });
  });
  return router;
}

/** True when `dist` holds a built web app. */
export function hasWebApp(dist: string): boolean {
  return existsSync(join(dist, 'index.html'));
}
