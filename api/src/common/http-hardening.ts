import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers and caching rules for every response (docs/security.md, "HTTP hardening").
 * The web app runs under a CSP without inline scripts (angular.json: inlineCritical off, so no
 * `onload` handler); Angular injects component styles as <style> elements, hence 'unsafe-inline'
 * for styles only. Swagger UI's page has inline <style> blocks too and shows data: images.
 */
const COMMON_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function securityHeaders(directives: Record<string, string[]>): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // HSTS is set below, only on responses to TLS requests: over plain HTTP it means nothing and
    // on localhost it would pin every other local app to HTTPS.
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // PDFs are shown from blob: URLs and Swagger UI loads nothing cross-origin: no need for COEP.
    crossOriginEmbedderPolicy: false,
  });
}

/** The SPA: PDFs are previewed in iframes of blob: URLs; charts and images may be data:/blob:. */
const appHeaders = securityHeaders({
  ...COMMON_DIRECTIVES,
  imgSrc: ["'self'", 'data:', 'blob:'],
  // Object URLs the app made itself (a PDF held in memory) may be read back.
  connectSrc: ["'self'", 'blob:'],
  frameSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
});
/** Swagger UI at /api/docs. */
const docsHeaders = securityHeaders({ ...COMMON_DIRECTIVES, imgSrc: ["'self'", 'data:'] });

const isDocsPage = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');

/** Helmet's headers (a relaxed CSP for Swagger UI), HSTS over TLS only, and `no-store` for the API. */
export function httpHardening(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers carry case data: never kept by a browser or proxy. Handlers may say otherwise.
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    (isDocsPage(req.path) ? docsHeaders : appHeaders)(req, res, next);
  };
}

/** Angular's output names: `main-ABCD1234.js`, `chunk-….js`, `styles-….css` (outputHashing: all). */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(?:js|mjs|css)$/;
/** Fonts and images referenced from CSS land in `media/`, named `<name>-<HASH>.<ext>`. */
const HASHED_MEDIA = /(?:^|[/\\])media[/\\][^/\\]+-[A-Z0-9]{8}\.[a-z0-9]+$/;

/** ServeStatic's setHeaders: hashed bundles are immutable, index.html is revalidated on every load. */
export function webAssetHeaders(res: ServerResponse, path: string): void {
  const name = basename(path);
  if (name === 'index.html') res.setHeader('Cache-Control', 'no-cache');
  else if (HASHED_ASSET.test(name) || HASHED_MEDIA.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'public, max-age=3600');
}
