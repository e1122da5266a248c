/**
 * The only reader of process.env. Validated at start: a wrong value stops the
 * process with a message naming the variable, instead of failing later.
 */
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Empty counts as unset, as a shell's `VAR=` means. */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());

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
  /**
   * SMS through a provider's HTTP API (src/platform/notify/sms-http.ts). `brevo`: Brevo's
   * transactional SMS (SMS_API_KEY, SMS_SENDER ≤ 11 letters or digits; SMS_API_URL only to
   * point at another endpoint, e.g. a test server). Without it, SMS go to DATA_DIR/outbox.
   */
  SMS_PROVIDER: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['brevo']).optional()),
  SMS_API_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9]{1,11}$/, '11 lettres ou chiffres au plus, sans espace')
    .default('Relais'),
  SMS_API_URL: z.string().url().default('https://api.brevo.com/v3/transactionalSMS/send'),
  /**
   * An OSRM-compatible routing server (its `table` service) for the covoiturage's road
   * distances, e.g. `http://osrm.local:5000`. Without it, or when it fails, distances are the
   * straight line × the published factor (src/modules/entraide/road-distances.ts).
   */
  ROUTING_URL: optionalUrl,
  /** How long the covoiturage waits for the routing server before using the straight-line estimate. */
  ROUTING_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Mark session cookies Secure (set to true behind HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /** Fill the database with demo data on first start. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Run the job workers in this process. */
  WORKERS: z.enum(['true', 'false']).default('true'),
  /**
   * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed
   * (comma-separated, e.g. `127.0.0.1,10.0.0.0/8`). Default: none, so a client cannot
   * choose its own address (per-address limits, audit).
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), { message: 'adresses IP ou plages CIDR séparées par des virgules (ex. 127.0.0.1,10.0.0.0/8)' }),
  /*
   * Sign-in through OpenID Connect (src/platform/auth/oidc/, docs/decisions/0016-oidc-sign-in.md):
   * FranceConnect for families, ProConnect for agents and partners. A provider is on when its
   * four variables are set (issuer, client id, secret, redirect URL); a partial set stops the start.
   */
  FRANCECONNECT_ISSUER: optionalUrl,
  FRANCECONNECT_CLIENT_ID: optionalText,
  FRANCECONNECT_CLIENT_SECRET: optionalText,
  FRANCECONNECT_REDIRECT_URL: optionalUrl,
  PROCONNECT_ISSUER: optionalUrl,
  PROCONNECT_CLIENT_ID: optionalText,
  PROCONNECT_CLIENT_SECRET: optionalText,
  PROCONNECT_REDIRECT_URL: optionalUrl,
  /**
   * E-mail domains whose ProConnect sign-ins may ask for an account, and the role an admin is
   * offered when approving it: `amiens.fr=agent,ccas-amiens.fr=agent,asso-exemple.fr=partner`.
   * A subdomain counts (`ville.amiens.fr` is under `amiens.fr`). Roles: agent, partner, coordinator.
   */
  PROCONNECT_ROLE_DOMAINS: z
    .string()
    .default('')
    .transform((s, c) => {
      const map = new Map<string, 'agent' | 'partner' | 'coordinator'>();
      for (const item of s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)) {
        const m = /^([a-z0-9.-]+\.[a-z]{2,})=(agent|partner|coordinator)$/i.exec(item);
        if (!m) {
          c.addIssue({ code: 'custom', message: `« ${item} » : attendu domaine=rôle (agent, partner ou coordinator), ex. amiens.fr=agent` });
          return z.NEVER;
        }
        map.set(m[1].toLowerCase(), m[2].toLowerCase() as 'agent' | 'partner' | 'coordinator');
      }
      return map;
    }),
});

/** One OpenID Connect provider, from its four variables. */
export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

const OIDC_PROVIDERS = { franceconnect: 'FRANCECONNECT', proconnect: 'PROCONNECT' } as const;
export type OidcProviderName = keyof typeof OIDC_PROVIDERS;

function oidcProviders(c: Record<string, unknown>): { providers: Partial<Record<OidcProviderName, OidcProviderConfig>>; problems: string[] } {
  const providers: Partial<Record<OidcProviderName, OidcProviderConfig>> = {};
  const problems: string[] = [];
  for (const [name, prefix] of Object.entries(OIDC_PROVIDERS) as [OidcProviderName, string][]) {
    const keys = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URL'].map((k) => `${prefix}_${k}`);
    const set = keys.filter((k) => c[k] !== undefined);
    if (!set.length) continue;
    if (set.length < keys.length) {
      problems.push(...keys.filter((k) => c[k] === undefined).map((k) => `  ${k}: requis avec ${set.join(', ')}`));
      continue;
    }
    const [issuer, clientId, clientSecret, redirectUrl] = keys.map((k) => c[k] as string);
    providers[name] = { issuer, clientId, clientSecret, redirectUrl };
  }
  return { providers, problems };
}

function isAddressOrCidr(s: string): boolean {
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length) return false;
  const family = net.isIP(addr);
  if (!family) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

export type Config = z.infer<typeof schema> & {
  dataDir: string;
  publicUrl: string;
  /** The OpenID Connect providers whose variables are set (none: password sign-in only). */
  oidc: Partial<Record<OidcProviderName, OidcProviderConfig>>;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.SMS_PROVIDER && !c.SMS_API_KEY) throw new Error('Invalid configuration:\n  SMS_API_KEY: required with SMS_PROVIDER');
  const oidc = oidcProviders(c);
  if (oidc.problems.length) throw new Error(`Invalid configuration:\n${oidc.problems.join('\n')}`);
  return {
    ...c,
    oidc: oidc.providers,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
  };
}

/** Empty counts as unset, as a shell's `VAR=` means. */
const optionalPath = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const programsSchema = z.object({
  /** Chromium that prints diagnostic reports to PDF (no PDF without it). */
  CHROMIUM_PATH: optionalPath.transform((v) => v ?? '/usr/bin/chromium'),
  /** pg_dump/pg_restore to use for backups instead of the ones on PATH. */
  PG_DUMP_PATH: optionalPath,
  PG_RESTORE_PATH: optionalPath,
});

export interface ExternalPrograms {
  chromium: string;
  pgDump: string | undefined;
  pgRestore: string | undefined;
}

/**
 * Paths of the external programs Relais runs. Apart from `loadConfig` because the code
 * that runs them (PDF reports, `relais db dump|restore`) also runs in commands that never
 * load the whole configuration.
 */
export function externalPrograms(env: NodeJS.ProcessEnv = process.env): ExternalPrograms {
  const parsed = programsSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { chromium: parsed.data.CHROMIUM_PATH, pgDump: parsed.data.PG_DUMP_PATH, pgRestore: parsed.data.PG_RESTORE_PATH };
}

const pdfSchema = z.object({
  /** PDF renders running at once (one Chromium each). */
  PDF_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** PDF renders waiting for a free slot; one more is answered 503 with Retry-After. */
  PDF_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** Hard deadline of one PDF render in milliseconds; past it the browser is killed. */
  PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
});

export interface PdfRendering {
  concurrency: number;
  queueLimit: number;
  timeoutMs: number;
}

/** Limits of PDF rendering (src/platform/pdf.ts); apart from `loadConfig` for the same reason as `externalPrograms`. */
export function pdfRendering(env: NodeJS.ProcessEnv = process.env): PdfRendering {
  const parsed = pdfSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { concurrency: parsed.data.PDF_CONCURRENCY, queueLimit: parsed.data.PDF_QUEUE, timeoutMs: parsed.data.PDF_TIMEOUT_MS };
}

/** `relais user create` reads the password here when `--password` is not given (keeps it out of shell history). */
export function passwordFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.RELAIS_PASSWORD;
  return v === '' ? undefined : v;
}

/**
 * Where the built web app is served from, when not the default `dist/web`. For development
 * and tests only: several people building and running browser journeys on one checkout each
 * build into their own folder (`npx vite build --outDir /tmp/web-me` and
 * `RELAIS_WEB_DIST=/tmp/web-me npx vitest run --project e2e …`) so one build does not pull
 * the pages from under another's journey.
 */
export function webDistOverride(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.RELAIS_WEB_DIST;
  return v ? v : undefined;
}
