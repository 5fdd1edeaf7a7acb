import type { Request, RequestHandler, Response } from 'express';
import compression from 'compression';

/**
 * Media types the app sends that are already compressed (PDF, images, zip-based office files) or
 * must reach the client event by event (server-sent events): never run through gzip or brotli.
 */
const NEVER_COMPRESSED =
  /^(?:text\/event-stream|application\/pdf|application\/zip|image\/(?!svg\+xml)|font\/woff2?|application\/vnd\.openxmlformats-)/i;

/** Whether a response is worth compressing: the `compressible` list (text, JSON, JS, CSS, SVG), minus the above. */
export function shouldCompress(req: Request, res: Response): boolean {
  const type = String(res.getHeader('Content-Type') ?? '');
  if (NEVER_COMPRESSED.test(type)) return false;
  return compression.filter(req, res);
}

/**
 * gzip or brotli, as the client's Accept-Encoding asks (brotli first when both are accepted), for
 * responses of at least 1 KiB. Brotli at quality 4 costs about what gzip's default does.
 */
export function responseCompression(): RequestHandler {
  return compression({ filter: shouldCompress, threshold: 1024 }) as RequestHandler;
}
