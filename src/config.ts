/**
 * The only reader of process.env. Validated at start: a wrong value stops the
 * process with a message naming the variable, instead of failing later.
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Use this PostgreSQL server instead of the embedded one. */
  DATABASE_URL: z.string().url().optional(),
  /** Runtime state: embedded cluster, outbox, uploads. */
  DATA_DIR: z.string().default('data'),
  /** Port of the embedded PostgreSQL server (loopback only). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Town configuration file (name, theme, neighbourhoods). */
  TOWN_CONFIG: z.string().default('rules/town/amiens.json'),
  /** Public base URL, used in links sent by email/SMS. */
  PUBLIC_URL: z.string().url().optional(),
  /** SMTP server URL (smtp://user:pass@host:port). Without it, emails go to DATA_DIR/outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Relais <ne-pas-repondre@relais.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Mark session cookies Secure (set to true behind HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /** Fill the database with demo data on first start. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Run the job workers in this process. */
  WORKERS: z.enum(['true', 'false']).default('true'),
});

export type Config = z.infer<typeof schema> & { dataDir: string; publicUrl: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
  };
}
