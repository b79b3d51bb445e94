import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { json } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Errors } from '../errors/domain-error';
import { HttpErrorFilter } from '../errors/http-exception.filter';
import { InputValidationPipe } from '../errors/validation';
import { toErrorBody } from '../errors/to-error-body';

export const BODY_LIMIT = '64kb';

/**
 * A body that is present must be JSON (API.md: 415 UNSUPPORTED_MEDIA_TYPE),
 * except on the paths that take a form from outside (RFC 8058 one-click
 * unsubscribe, posted by mail providers); their body is never read.
 */
function requireJsonBody(formPaths: string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 ||
      req.headers['transfer-encoding'] !== undefined;
    const formAllowed = formPaths.includes(req.path) && req.is('application/x-www-form-urlencoded');
    if (hasBody && !req.is('application/json') && !formAllowed) {
      const { body } = toErrorBody(Errors.unsupportedMediaType());
      res.status(body.statusCode).json(body);
      return;
    }
    next();
  };
}

/**
 * Everything about the HTTP surface that main.ts and the tests must share:
 * security headers, body limits, the error shape, validation, OpenAPI.
 */
export function configureHttp(app: INestApplication, options: { formPaths?: string[] } = {}): void {
  app.useLogger(app.get(Logger));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(requireJsonBody(options.formPaths ?? []));
  app.use(json({ limit: BODY_LIMIT, strict: true }));
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready', 'metrics'] });
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(new InputValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kintsugi API')
      .setDescription(
        'Anonymous, moderated peer-support groups. See docs/API.md for the full contract.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/**
 * Answers what no route matched outside `/api` (Nest's own handler covers
 * only the global prefix) in the contract's shape. Mount after app.init().
 */
export function notFoundFallback(_req: Request, res: Response): void {
  const body = { statusCode: 404, code: 'NOT_FOUND', message: 'There is nothing at this address.' };
  res.status(404).json(body);
}
