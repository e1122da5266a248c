/**
 * Real delivery: the platform's e-mails go through SMTP to a local SMTP server this test
 * starts (smtp-server), and its SMS through the Brevo adapter to a local HTTP server standing
 * in for the provider's API. What arrives is read as a mail client and the provider would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../auth/auth.service';
import { TEST_PASSWORD, createTestEnv, type TestEnv } from '../testing';
import { deliver } from './outbox';
import { internationalNumber } from './sms-http';

const received: { from: string; to: string[]; mail: ParsedMail }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    simpleParser(stream)
      .then((mail) => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), mail });
        done();
      })
      .catch(done);
  },
});

const smsRequests: { headers: http.IncomingHttpHeaders; body: any }[] = [];
let smsStatus = 201;
const provider = http.createServer((req, res) => {
  let text = '';
  req.on('data', (d) => (text += d));
  req.on('end', () => {
    smsRequests.push({ headers: req.headers, body: JSON.parse(text) });
    res.writeHead(smsStatus, { 'content-type': 'application/json' });
    res.end(smsStatus < 300 ? JSON.stringify({ messageId: 1511882900176220 }) : JSON.stringify({ code: 'not_enough_credits', message: 'Not enough credits' }));
  });
});

let env: TestEnv;
beforeAll(async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (provider.address() as AddressInfo).port;
  env = await createTestEnv({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Relais Amiens <ne-pas-repondre@relais.amiens.fr>',
      PUBLIC_URL: 'https://relais.amiens.fr',
      SMS_PROVIDER: 'brevo',
      SMS_API_KEY: 'cle-de-test',
      SMS_SENDER: 'RelaisAmien',
      SMS_API_URL: `http://127.0.0.1:${httpPort}/v3/transactionalSMS/send`,
    },
  });
});
afterAll(async () => {
  await env?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise<void>((r) => provider.close(() => r()));
});

async function requestReset(identifier: string): Promise<string> {
  const res = await env.client().post('/api/auth/password-reset', { identifier });
  expect(res.statusCode).toBe(202);
  const { rows } = await env.rt.deps.db.query(
    `SELECT id FROM notifications WHERE template = 'auth.password-reset' AND recipient = $1 ORDER BY created_at DESC LIMIT 1`,
    [identifier],
  );
  return rows[0].id;
}

describe('e-mail through SMTP', () => {
  it('a password reset arrives at the SMTP server: French subject and text, the link on PUBLIC_URL, automatic headers, nothing personal', async () => {
    await insertUser(env.rt.deps.db, { identifier: 'samia.martin@example.fr', password: TEST_PASSWORD, role: 'parent', displayName: 'Samia Martin' });
    const id = await requestReset('samia.martin@example.fr');
    await deliver(env.rt.deps, id);
    await expect.poll(() => received.length).toBe(1);
    const { from, to, mail } = received[0]!;
    expect(from).toBe('ne-pas-repondre@relais.amiens.fr');
    expect(to).toEqual(['samia.martin@example.fr']);
    expect(mail.subject).toBe('Amiens – Relais : réinitialiser votre mot de passe');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Relais Amiens', address: 'ne-pas-repondre@relais.amiens.fr' });
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('content-language')).toBe('fr');
    expect(mail.messageId).toBe(`<${id}@relais.amiens.fr>`);
    expect(mail.text).toMatch(/^Bonjour,/);
    expect(mail.text).toContain("ouvrez ce lien dans l'heure");
    expect(mail.text).toMatch(/https:\/\/relais\.amiens\.fr\/reinitialiser-mot-de-passe#jeton=[\w-]{20,}/);
    // Only what the message needs: not the person's name, nor its address in the text.
    expect(mail.text).not.toContain('Samia');
    expect(mail.text).not.toContain('martin');
    const { rows } = await env.rt.deps.db.query('SELECT status, transport FROM notifications WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'sent', transport: 'smtp' });
  });
});

describe('SMS through the provider adapter', () => {
  it('a password reset by phone reaches the provider API as it expects it', async () => {
    await insertUser(env.rt.deps.db, { identifier: '06 12 34 56 78', password: TEST_PASSWORD, role: 'parent', displayName: 'Karim' });
    const { rows: users } = await env.rt.deps.db.query(`SELECT phone FROM users WHERE display_name = 'Karim'`);
    const id = await requestReset(users[0].phone);
    await deliver(env.rt.deps, id);
    expect(smsRequests).toHaveLength(1);
    const { headers, body } = smsRequests[0]!;
    expect(headers['api-key']).toBe('cle-de-test');
    expect(body).toMatchObject({ sender: 'RelaisAmien', recipient: '33612345678', type: 'transactional' });
    expect(body.content).toMatch(/^Relais Amiens : nouveau mot de passe ici \(valable 1 h\) https:\/\/relais\.amiens\.fr\/reinitialiser-mot-de-passe#jeton=/);
    const { rows } = await env.rt.deps.db.query('SELECT status, transport FROM notifications WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'sent', transport: 'sms-provider' });
  });

  it("a provider's refusal leaves the message pending for the queue's retry, the error recorded without the number or the text", async () => {
    smsStatus = 402;
    try {
      const { rows: users } = await env.rt.deps.db.query(`SELECT phone FROM users WHERE display_name = 'Karim'`);
      const id = await requestReset(users[0].phone);
      await expect(deliver(env.rt.deps, id)).rejects.toThrow(/HTTP 402/);
      const { rows } = await env.rt.deps.db.query('SELECT status, attempts, last_error FROM notifications WHERE id = $1', [id]);
      expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
      expect(rows[0].last_error).toContain('not_enough_credits');
      expect(rows[0].last_error).not.toMatch(/612345678|jeton/);
    } finally {
      smsStatus = 201;
    }
  });

  it('numbers in international format', () => {
    expect(internationalNumber('06 12 34 56 78')).toBe('33612345678');
    expect(internationalNumber('+33 6 12 34 56 78')).toBe('33612345678');
    expect(internationalNumber('0033612345678')).toBe('33612345678');
    expect(() => internationalNumber('12')).toThrow();
  });
});
