/** The printed card on real PostgreSQL: the family's own PDF, an agent's print at the desk (audited), and who may not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { pdfRenderer } from '../../platform/pdf';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { cardHtml } from './card';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };
let agent: Who;

async function family(firstName: string): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Petit', birthDate: '1989-03-02' },
    children: [{ firstName: 'Jules', birthDate: '2019-01-20' }],
    address: { line: '3 rue des Jacobins', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    quotient: { entered: 420 },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { parent, householdId: res.json().household.id as string };
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  agent = (await env.as('agent')) as Who;
});
afterAll(() => env.close());

describe('the printed card', () => {
  it('carries the signed QR, the short number, the validity and the balances in French, every value escaped', () => {
    const html = cardHtml({
      town: 'Amiens',
      firstName: '<Samia>',
      printedOn: '2026-03-10',
      pass: { number: 'PFS ABCD EFGH', validFrom: '2026-03-10', validUntil: '2027-03-09', status: 'valid', token: 'RPFS1.abc.def' },
      accounts: [{ label: 'Chèque santé', availableCents: 11000, nextExpiry: '2026-12-31' }],
    });
    expect(html).toContain('<h1>&lt;Samia&gt;</h1>');
    expect(html).toContain('Ville d’Amiens');
    expect(html).toMatch(/<svg class="qr" role="img" aria-label="Code QR du Pass Famille Solo" viewBox="0 0 \d+ \d+"/);
    expect(html).toContain('PFS ABCD EFGH');
    expect(html).toContain('Valable du 10 mars 2026 au 9 mars 2027');
    expect(html).toContain('<span>Chèque santé</span> <strong>110,00\u00a0€</strong><br><small>à utiliser avant le 31 décembre 2026</small>');
    expect(html).toContain('Chèques au 10 mars 2026');
    const revoked = cardHtml({
      town: 'Dijon',
      firstName: 'Awa',
      printedOn: '2026-03-10',
      pass: { number: 'PFS ABCD EFGH', validFrom: '2026-03-10', validUntil: '2027-03-09', status: 'revoked', token: null },
      accounts: [],
    });
    expect(revoked).not.toContain('<svg');
    expect(revoked).toContain('Révoqué');
    expect(revoked).toContain('Ville de Dijon');
  });

  it('nothing to print without a pass or a chèque; a partner and another parent are refused; an agent must open the file first', async () => {
    const { parent, householdId } = await family('Nora');
    expect((await parent.get('/api/cheques/me/card.pdf')).json().error.code).toBe('cheques/nothing-to-print');
    expect((await (await env.as('partner')).get(`/api/cheques/households/${householdId}/card.pdf`)).statusCode).toBe(403);
    expect((await parent.get(`/api/cheques/households/${householdId}/card.pdf`)).statusCode).toBe(403);
    const notOpened = await agent.get(`/api/cheques/households/${householdId}/card.pdf`);
    expect(notOpened.statusCode).toBeGreaterThanOrEqual(400);
    expect(notOpened.statusCode).toBeLessThan(500);
  });

  it.runIf(pdfRenderer().available())('the family downloads its PDF; an agent prints it at the desk, audited', async () => {
    const { parent, householdId } = await family('Samia');
    expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Carte au guichet' })).statusCode).toBe(200);
    expect((await agent.post(`/api/cheques/households/${householdId}/pass`, {})).statusCode).toBe(201);
    expect(
      (await agent.post(`/api/cheques/households/${householdId}/credits`, { kind: 'sante', amountCents: 15000, reason: 'Chèque santé accordé' })).statusCode,
    ).toBe(201);

    const mine = await parent.get('/api/cheques/me/card.pdf');
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['content-disposition']).toBe('attachment; filename="carte-relais.pdf"');
    expect(mine.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const mark = await env.auditMark();
    const desk = await agent.get(`/api/cheques/households/${householdId}/card.pdf`);
    expect(desk.statusCode).toBe(200);
    expect(desk.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await env.expectAudit('cheques/card-printed', householdId, { actorId: agent.user.id, householdId, after: mark });

    const codes = await agent.post(`/api/cheques/households/${householdId}/payment-codes`, {});
    expect(codes.statusCode).toBe(200);
    expect(codes.headers['content-disposition']).toBe('attachment; filename="codes-de-paiement.pdf"');
    expect(codes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('a printed sheet of payment codes (a family without a smartphone)', () => {
  const codesIn = (html: string) => [...html.matchAll(/<span class="code">([A-Z0-9]{4} [A-Z0-9]{4})<\/span>/g)].map((m) => m[1]);

  it('an agent prints it at the desk (audited): each code pays once; a phone code leaves it alone; a new sheet retires the old one', async () => {
    const { parent, householdId } = await family('Awa');
    expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Feuille de codes' })).statusCode).toBe(200);
    expect((await agent.post(`/api/cheques/households/${householdId}/credits`, { kind: 'sante', amountCents: 15000, reason: 'Accordé' })).statusCode).toBe(201);
    const partner = (await env.as('partner')) as Who;
    expect((await agent.put(`/api/cheques/partners/${partner.user.structureId}/kinds`, { kinds: ['sante'] })).statusCode).toBe(200);

    expect((await partner.post(`/api/cheques/households/${householdId}/payment-codes`, { format: 'html' })).statusCode).toBe(403);
    expect((await parent.post(`/api/cheques/households/${householdId}/payment-codes`, { format: 'html' })).statusCode).toBe(403);
    expect((await agent.post(`/api/cheques/households/${householdId}/payment-codes`, { format: 'doc' })).json().error.fields[0].path).toBe('format');

    const mark = await env.auditMark();
    const res = await agent.post(`/api/cheques/households/${householdId}/payment-codes`, { format: 'html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Chèque santé <small>(codes valables jusqu’au 10 juin 2026)</small>');
    const sheet = codesIn(res.body);
    expect(sheet).toHaveLength(6);
    const a = await env.expectAudit('cheques/codes-printed', householdId, { actorId: agent.user.id, householdId, after: mark });
    expect(a.details).toEqual({ kinds: ['sante'], codes: 6 });

    const pay = (code: string, amountCents: number) => partner.post('/api/cheques/counter/redemptions', { code, amountCents });
    expect((await pay(sheet[0], 2000)).json()).toMatchObject({ firstName: 'Awa', availableCents: 13000 });
    expect((await pay(sheet[0], 1000)).json().error.code).toBe('cheques/code-used');
    // The family shows a code on a phone meanwhile: the paper still works.
    expect((await parent.post('/api/cheques/me/codes/sante')).statusCode).toBe(201);
    expect((await pay(sheet[1], 1000)).statusCode).toBe(201);

    // The family prints a new sheet itself: the old sheet's codes stop working, the new ones pay.
    const again = await parent.post('/api/cheques/me/payment-codes', { format: 'html' });
    expect(again.statusCode).toBe(200);
    const fresh = codesIn(again.body);
    expect((await pay(sheet[2], 1000)).json().error.code).toBe('cheques/invalid-code');
    expect((await pay(fresh[0], 1000)).json()).toMatchObject({ availableCents: 11000 });
    await env.expectAudit('cheques/codes-printed', householdId, { actorId: parent.user.id, householdId });
  });

  it('nothing to print when no chèque has money left', async () => {
    const { parent } = await family('Lya');
    expect((await parent.post('/api/cheques/me/payment-codes', { format: 'html' })).json().error.code).toBe('cheques/nothing-to-print');
  });
});
