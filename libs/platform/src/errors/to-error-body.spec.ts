import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './to-error-body';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

// Found by the fault suite (test/faults, PostgreSQL stopped while sending): every
// send during the outage was refused INTERNAL, each with an error logged.
describe('toErrorBody with the database out of reach', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    [
      'a server starting up (57P03), as TypeORM wraps it',
      new QueryFailedError('SELECT 1', [], withCode('the database system is starting up', '57P03')),
    ],
    ['a server shutting down (57P01)', withCode('terminating connection', '57P01')],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
  ])('answers 503 UNAVAILABLE for %s', (_, error) => {
    expect(toErrorBody(error).body).toEqual({
      statusCode: 503,
      code: 'UNAVAILABLE',
      message: 'The service is not available right now.',
    });
  });

  it('still answers INTERNAL, with an errorId, for other database errors', () => {
    const body = toErrorBody(
      new QueryFailedError('INSERT', [], withCode('duplicate key value', '23505')),
    ).body;
    expect(body).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
    expect(body.errorId).toEqual(expect.any(String));
  });
});
