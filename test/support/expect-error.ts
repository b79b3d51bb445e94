import type { Response } from 'supertest';

/** Asserts the API.md error shape, status and code, and that nothing internal leaked. */
export function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.body.statusCode).toBe(status);
  expect(typeof res.body.message).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(
    /\bat .+\.(ts|js):\d+|SELECT |INSERT |QueryFailedError/,
  );
}
