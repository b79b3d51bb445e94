import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Where `npm run build:web` writes the browser app (the repo root, or /app in the image). */
export const WEB_APP_DIR = resolve(process.cwd(), 'dist/web');

/** Paths that belong to the server, never to the browser app's fallback. */
const SERVER_PATHS = /^\/(api|docs|health|metrics|socket\.io|admin)(\/|-|$)/;

/**
 * The page may only load its own scripts and styles and talk to its own
 * origin: a message body that somehow reached the DOM as HTML could still
 * not run anything.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web app at `/`: hashed assets cached for good, and
 * index.html for any other GET that asks for a page (the app routes in
 * memory, so any address it is opened at shows the app). Everything else
 * falls through to the API's 404. Mount after app.init(), before the 404.
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_APP_DIR): void {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').log(`No web app at ${dir}: run \`npm run build:web\` to serve it at /`);
    return;
  }
  app.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        res.setHeader(
          'Cache-Control',
          path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage = (req.headers.accept ?? '').includes('text/html');
    if (req.method !== 'GET' || !wantsPage || SERVER_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.sendFile(indexFile);
  });
}
