/**
 * What a use case receives: who acts, the database, the clock, the platform services.
 * Built per HTTP request by the auth hook, or once by a CLI command (`systemCtx`).
 */
import type { Config } from '../config';
import type { Clock } from './clock';
import type { Db } from './db/pool';
import type { Jobs } from './jobs';
import type { SessionUser } from './platform.schemas';
import type { Town } from './town';

/** Console or pino: both take (object?, message). Never log personal data. */
export interface Logger {
  info(...args: any[]): void;
  warn(...args: any[]): void;
  error(...args: any[]): void;
}

/** Who is signed in: inferred from its response schema (platform.schemas.ts), the web app's type too. */
export type { SessionUser };

/** Shared by every request of a process. */
export interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
  jobs: Jobs;
  town: Town;
  log: Logger;
  /** 'embedded' or 'external' PostgreSQL. */
  dbMode: 'embedded' | 'external';
}

export interface Ctx extends Deps {
  user: SessionUser | null;
  requestId: string;
  ip: string;
  now(): Date;
}

export function makeCtx(deps: Deps, user: SessionUser | null, requestId = 'cli', ip = 'local'): Ctx {
  return { ...deps, user, requestId, ip, now: () => deps.clock.now() };
}
