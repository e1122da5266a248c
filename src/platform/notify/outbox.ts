/**
 * Notifications outbox. `queueNotification` writes the message in the caller's
 * transaction and enqueues its sending in the same transaction; the `notify.send`
 * job delivers it (SMTP when configured, else a file in DATA_DIR/outbox/; SMS through
 * a provider interface with the same file fallback) with retries. A sweep job
 * re-enqueues anything still pending, so nothing acknowledged is lost.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Deps } from '../context';
import type { Queryable } from '../db/pool';
import { defineJob, type Jobs } from '../jobs';
import { smsProviderFromConfig } from './sms-http';

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  recipient: string;
  userId?: string | null;
  /** Template name, e.g. `auth.password-reset` (kept for the admin page and stats). */
  template: string;
  subject?: string;
  body: string;
  /** The language the message is written in (queueLocalized sets it; French otherwise). */
  locale?: string;
}

export async function queueNotification(q: Queryable, jobs: Jobs, msg: OutgoingMessage): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO notifications (channel, recipient, user_id, template, subject, body, locale)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [msg.channel, msg.recipient, msg.userId ?? null, msg.template, msg.subject ?? null, msg.body, msg.locale ?? 'fr'],
  );
  const id = rows[0].id;
  if (jobs.started) await sendNotificationJob.send(jobs, { id }, { tx: q });
  return id;
}

/** An SMS provider (sms-http.ts). None is configured in the demo: messages go to the outbox folder. */
export interface SmsProvider {
  send(to: string, body: string): Promise<void>;
}

/** One transport per SMTP URL (connections pooled), one provider per configuration. */
const transporters = new Map<string, nodemailer.Transporter>();
function mailer(deps: Deps): nodemailer.Transporter | null {
  const url = deps.config.SMTP_URL;
  if (!url) return null;
  let t = transporters.get(url);
  if (!t) transporters.set(url, (t = nodemailer.createTransport(url)));
  return t;
}
const smsProviders = new WeakMap<object, SmsProvider | null>();
function smsProvider(deps: Deps): SmsProvider | null {
  if (!smsProviders.has(deps.config)) smsProviders.set(deps.config, smsProviderFromConfig(deps.config));
  return smsProviders.get(deps.config)!;
}

/** The headers of every e-mail: automatic (no out-of-office replies), in the message's language, from the town's Relais. */
function mailHeaders(row: { id: string; locale?: string }, deps: Deps) {
  const host = new URL(deps.config.publicUrl).hostname || 'relais.localhost';
  return {
    messageId: `<${row.id}@${host}>`,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'Content-Language': row.locale ?? 'fr' },
  };
}

export const outboxDir = (dataDir: string) => path.join(dataDir, 'outbox');

/**
 * One file per message, named by the message's id and its recipient's account id
 * (never an e-mail or a phone), so that a family's erasure finds and removes them.
 */
async function writeToOutbox(
  deps: Deps,
  row: { id: string; channel: string; recipient: string; subject: string | null; body: string; user_id: string | null },
) {
  const dir = outboxDir(deps.config.dataDir);
  await fs.mkdir(dir, { recursive: true });
  const owner = row.user_id ? `-u${row.user_id}` : '';
  const file = path.join(dir, `${deps.clock.now().toISOString().replace(/[:.]/g, '-')}-${row.channel}-${row.id}${owner}.txt`);
  const head = row.channel === 'email' ? `To: ${row.recipient}\nSubject: ${row.subject ?? ''}\n\n` : `To: ${row.recipient}\n\n`;
  await fs.writeFile(file, head + row.body, { mode: 0o600 });
  return 'file';
}

/** Delete the outbox files of these messages, and of every message to this account. */
export async function removeOutboxFiles(dataDir: string, which: { notificationIds: string[]; userId?: string | null }): Promise<number> {
  const dir = outboxDir(dataDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  const ids = new Set(which.notificationIds);
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  let removed = 0;
  for (const name of names) {
    const uuids = name.match(UUID) ?? [];
    const mine = uuids.some((u) => ids.has(u)) || (which.userId ? name.includes(`-u${which.userId}`) : false);
    if (!mine) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

export async function deliver(deps: Deps, id: string): Promise<void> {
  // Lock the row: two workers never send the same message twice.
  const client = await deps.db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT id, channel, recipient, subject, body, status, user_id, locale FROM notifications WHERE id = $1 FOR UPDATE SKIP LOCKED`,
      [id],
    );
    const row = rows[0];
    if (!row || row.status === 'sent') {
      await client.query('COMMIT');
      return;
    }
    let transport: string;
    try {
      const sms = row.channel === 'sms' ? smsProvider(deps) : null;
      if (row.channel === 'email' && mailer(deps)) {
        await mailer(deps)!.sendMail({ from: deps.config.MAIL_FROM, to: row.recipient, subject: row.subject ?? '', text: row.body, ...mailHeaders(row, deps) });
        transport = 'smtp';
      } else if (sms) {
        await sms.send(row.recipient, row.body);
        transport = 'sms-provider';
      } else {
        transport = await writeToOutbox(deps, row);
      }
    } catch (err) {
      await client.query(`UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, String((err as Error).message).slice(0, 500)]);
      await client.query('COMMIT');
      throw err; // the queue retries with backoff
    }
    await client.query(`UPDATE notifications SET status = 'sent', attempts = attempts + 1, transport = $2, sent_at = now(), last_error = NULL WHERE id = $1`, [
      id,
      transport,
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export const sendNotificationJob = defineJob({
  name: 'notify.send',
  payload: z.object({ id: z.string() }),
  retryLimit: 8,
  retryDelaySeconds: 20,
  handler: async (data, deps) => deliver(deps, data.id),
});

export const sweepNotificationsJob = defineJob({
  name: 'notify.sweep',
  cron: '*/5 * * * *',
  handler: async (_data, deps) => {
    const { rows } = await deps.db.query<{ id: string }>(
      `SELECT id FROM notifications WHERE status = 'pending' AND created_at < now() - interval '2 minutes' ORDER BY created_at LIMIT 500`,
    );
    for (const r of rows) await sendNotificationJob.send(deps, { id: r.id }, { singletonKey: r.id });
  },
});

export async function listOutbox(q: Queryable, limit = 100) {
  const { rows } = await q.query(
    `SELECT id, channel, recipient, template, subject, body, status, attempts, last_error AS "lastError", transport,
            created_at AS "createdAt", sent_at AS "sentAt"
       FROM notifications ORDER BY created_at DESC LIMIT $1`,
    [Math.min(limit, 500)],
  );
  return rows;
}
