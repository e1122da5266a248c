/**
 * Notifications in the recipient's language (issue 19). Texts are ICU MessageFormat catalogues, one JSON
 * file per language: src/platform/notify/messages/<code>.json for the platform's messages and
 * src/modules/<m>/messages/<code>.json for a module's (keys without the module's prefix there:
 * `renewal-open.subject` in dossiers' files is the template `dossiers.renewal-open`). A template has
 * `.subject` (e-mail), `.body` (e-mail) and `.sms` (SMS, falls back to `.body`).
 *
 * `queueLocalized` reads the recipient user's locale (users.locale), formats the texts in it (French
 * when that language has no file or no such message) and queues them. A town adds a language by adding
 * `<code>.json` beside each `fr.json`; `isSupportedLocale` then accepts it for users.locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Jobs } from '../jobs';
import type { Queryable } from '../db/pool';
import { queueNotification } from './outbox';

type Catalog = Record<string, string>;
const SOURCE = 'fr';
const PLATFORM_DIR = path.join(import.meta.dirname, 'messages');
const MODULES_DIR = path.resolve(import.meta.dirname, '../../modules');
/** Intl tags of the languages shipped (Arabic with Latin digits, as on the web: decision 0015). */
const INTL: Record<string, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };
/** The Intl tag of a language (its code when it is not one of ours). */
export function intlTagOf(locale: string): string {
  return INTL[locale] ?? locale;
}

const LOCALE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

const dirs = new Map<string, Map<string, Catalog>>();

/** The catalogues of a folder, by language (read once). */
function cataloguesIn(dir: string): Map<string, Catalog> {
  let c = dirs.get(dir);
  if (c) return c;
  c = new Map();
  let files: string[] = [];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    /* no folder: no messages */
  }
  for (const f of files) c.set(f.slice(0, -5), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Catalog);
  dirs.set(dir, c);
  return c;
}

/** Where a template's texts live, and its key there: `auth.x` → platform, `dossiers.x` → dossiers' folder. */
function locate(template: string): { dir: string; key: string } {
  const dot = template.indexOf('.');
  const owner = template.slice(0, dot);
  const moduleDir = path.join(MODULES_DIR, owner, 'messages');
  if (dot > 0 && fs.existsSync(path.join(moduleDir, `${SOURCE}.json`))) return { dir: moduleDir, key: template.slice(dot + 1) };
  return { dir: PLATFORM_DIR, key: template };
}

/** The languages a user may choose: those the platform's notifications are written in. */
export function supportedLocales(): string[] {
  return [...cataloguesIn(PLATFORM_DIR).keys()].filter((l) => LOCALE_TAG.test(l)).sort();
}

export function isSupportedLocale(code: string): boolean {
  return supportedLocales().includes(code);
}

type NotificationVars = Record<string, string | number | Date>;

const compiled = new Map<string, IntlMessageFormat>();
function format(message: string, locale: string, vars: NotificationVars): string {
  const k = `${locale}\u0000${message}`;
  let f = compiled.get(k);
  if (!f) compiled.set(k, (f = new IntlMessageFormat(message, INTL[locale] ?? locale, undefined, { ignoreTag: true })));
  return String(f.format(vars));
}

/**
 * The texts of `template` in `locale` (its missing parts in French). Throws on a template with no French
 * text: a notification is never sent empty.
 */
export function renderNotification(
  locale: string,
  template: string,
  vars: NotificationVars,
): { locale: string; subject: string | null; body: string; sms: string } {
  const { dir, key } = locate(template);
  const all = cataloguesIn(dir);
  const fr = all.get(SOURCE) ?? {};
  if (fr[`${key}.body`] === undefined) throw new Error(`notification ${template}: no French text (${key}.body in ${dir})`);
  const own = all.get(locale);
  const lang = own && own[`${key}.body`] !== undefined ? locale : SOURCE;
  const cat = lang === SOURCE ? fr : own!;
  const text = (part: string) => (cat[`${key}.${part}`] !== undefined ? format(cat[`${key}.${part}`]!, lang, vars) : null);
  const body = text('body')!;
  return { locale: lang, subject: text('subject'), body, sms: text('sms') ?? body };
}

/** The language of a user's messages (French for an unknown user or a language without texts). */
export async function localeOfUser(q: Queryable, userId: string | null | undefined): Promise<string> {
  if (!userId) return SOURCE;
  const { rows } = await q.query<{ locale: string }>(`SELECT locale FROM users WHERE id = $1`, [userId]);
  return rows[0]?.locale ?? SOURCE;
}

/** Queue a notification written in its recipient's language, inside the caller's transaction. */
export async function queueLocalized(
  q: Queryable,
  jobs: Jobs,
  msg: { channel: 'email' | 'sms'; recipient: string; userId?: string | null; template: string; vars: NotificationVars; locale?: string },
): Promise<string> {
  const locale = msg.locale ?? (await localeOfUser(q, msg.userId));
  const r = renderNotification(locale, msg.template, msg.vars);
  return queueNotification(q, jobs, {
    channel: msg.channel,
    recipient: msg.recipient,
    userId: msg.userId,
    template: msg.template,
    subject: msg.channel === 'email' ? (r.subject ?? undefined) : undefined,
    body: msg.channel === 'email' ? r.body : r.sms,
    locale: r.locale,
  });
}
