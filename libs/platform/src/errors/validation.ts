import { ArgumentMetadata, Injectable, PipeTransform, ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ErrorDetail, Errors } from './domain-error';

/** Keys that could reach an object's prototype; API.md counts them as unknown fields. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function findForbiddenKey(value: unknown, path: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return field;
    const nested = findForbiddenKey((value as Record<string, unknown>)[key], field);
    if (nested) return nested;
  }
  return null;
}

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, problem]) => ({
      field,
      problem: rule === 'whitelistValidation' ? 'is not an allowed field' : problem,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates an untrusted payload (HTTP body, query, socket payload, job data)
 * against a DTO class: whitelist, forbid unknown fields, transform.
 * Throws VALIDATION_FAILED with details, so every door refuses bad input alike.
 */
export async function validateInput<T extends object>(
  dto: new () => T,
  payload: unknown,
  what = 'body',
): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw Errors.validation([{ field: what, problem: 'must be a JSON object' }]);
  }
  const forbidden = findForbiddenKey(payload, '');
  if (forbidden)
    throw Errors.validation([{ field: forbidden, problem: 'is not an allowed field' }]);
  const instance = plainToInstance(dto, payload);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
  });
  if (errors.length > 0) throw Errors.validation(flatten(errors));
  return instance;
}

/** The global pipe: every DTO-typed body and query goes through validateInput. */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype;
    const isDto =
      (metadata.type === 'body' || metadata.type === 'query') &&
      typeof dto === 'function' &&
      ![String, Boolean, Number, Array, Object].includes(dto as never);
    if (!isDto) return value;
    return validateInput(dto as new () => object, value ?? {}, metadata.type);
  }
}
