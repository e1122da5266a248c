import { describe, expect, it } from 'vitest';
import { pgInputError } from './error-handler';

const pg = (code: string) => Object.assign(new Error('valeur « Dupont » trop longue'), { code, severity: 'ERROR' });

describe('PostgreSQL errors caused by the input', () => {
  it('are the client’s: data exceptions and unmapped integrity violations', () => {
    expect(['22021', '22001', '22003', '22P02', '22007', '22008'].map((c) => pgInputError(pg(c)))).toEqual(Array(6).fill('db/invalid-data'));
    expect(pgInputError(pg('23505'))).toBe('db/conflict');
    expect(pgInputError(pg('23P01'))).toBe('db/conflict');
    expect(pgInputError(pg('23503'))).toBe('db/invalid-reference');
    expect(pgInputError(pg('23514'))).toBe('db/constraint');
    expect(pgInputError(pg('23502'))).toBe('db/constraint');
  });

  it('leave everything else a bug or an outage', () => {
    expect(pgInputError(pg('42P01'))).toBeNull(); // undefined table: our bug
    expect(pgInputError(pg('57P01'))).toBeNull();
    expect(pgInputError(Object.assign(new Error('x'), { code: '22001' }))).toBeNull(); // not from PostgreSQL
    expect(pgInputError(new Error('x'))).toBeNull();
  });
});
