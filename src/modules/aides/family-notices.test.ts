import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../platform/notify/localized';
import { STATUSES } from './request-states';
import { endedVars, renewalVars, statusVars, type FamilyNote } from './family-notices';

const ending = (locale: string, vars: Record<string, string>) => renderNotification(locale, 'aides.ending', vars);
const status = (locale: string, ...a: Parameters<typeof statusVars> extends [string, ...infer R] ? R : never) =>
  renderNotification(locale, 'aides.status', statusVars(locale, ...a));

describe('what the family is told about an aid that ends', () => {
  it('says it in plain French, for each situation', () => {
    const fr = ending('fr', endedVars('fr', 'Chèque santé', '2026-03-31', '2026-03-10', 'receives'));
    expect({ subject: fr.subject, body: fr.body }).toEqual({
      subject: "L'aide « Chèque santé » prend fin le 31 mars 2026",
      body: "Bonjour,\n\nL'aide « Chèque santé » de la ville prend fin le 31 mars 2026. Ce qui vous a été accordé reste acquis.\n\nRetrouvez les autres aides de la ville dans la rubrique « Demander une aide ».",
    });
    expect(ending('fr', endedVars('fr', 'Chèque santé', '2026-03-01', '2026-03-10', 'eligible')).body).toMatch(
      /a pris fin le 1er mars 2026\. D'après votre dossier, vous pouviez l'obtenir : elle ne peut plus être demandée\./,
    );
    expect(ending('fr', endedVars('fr', 'Chèque santé', '2026-03-31', '2026-03-10', 'asked')).body).toMatch(/Votre demande en cours reste instruite/);
    const renewal = ending('fr', renewalVars('Chèque santé', 2026));
    expect(renewal.subject).toBe('« Chèque santé » : à demander à nouveau pour 2027');
    expect(renewal.body).toMatch(/prend fin le 31 décembre 2026\. Vous pourrez la demander à nouveau à partir du 1er janvier 2027/);
    for (const n of [ending('fr', endedVars('fr', 'X', '2026-03-31', '2026-03-10', 'asked')), renewal]) expect(n.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('in English and in Arabic, with the day written in that language', () => {
    const en = ending('en', endedVars('en', 'Chèque santé', '2026-03-01', '2026-03-10', 'eligible'));
    expect(en.locale).toBe('en');
    expect(en.subject).toBe('The aid “Chèque santé” ended on 1 March 2026');
    expect(en.body).toBe(
      'Hello,\n\nThe town’s aid “Chèque santé” ended on 1 March 2026. According to your file, you could get it: it can no longer be asked for.\n\nSee the town’s other aids under “Ask for an aid”.',
    );
    expect(ending('en', renewalVars('Chèque santé', 2026)).body).toMatch(/ends on 31 December 2026\. You can ask for it again from 1 January 2027/);
    const ar = ending('ar', endedVars('ar', 'Chèque santé', '2026-03-31', '2026-03-10', 'receives'));
    expect(ar.locale).toBe('ar');
    expect(ar.body).toContain('«Chèque santé»');
    expect(ar.body).toContain('31 مارس 2026');
    expect(ar.body).not.toMatch(/Bonjour|prend fin/);
  });
});

describe('what the family is told when its request changes', () => {
  it('a plain French message for every state, no code in it', () => {
    for (const s of STATUSES) {
      const m = status('fr', s, 'Chèque santé');
      expect(m.body).toContain('« Chèque santé »');
      expect(m.body).not.toMatch(/_|en_instruction|accordee/);
      expect(m.subject).toMatch(/^Votre demande d'aide : [a-zàé ]+$/);
    }
    expect(status('fr', 'accordee', 'Permis', { note: 'amount', amountCents: 120000 }).body).toMatch(
      /^Bonne nouvelle : votre demande « Permis » est accordée\.\n\nMontant : 1 200 €\.\n\nRetrouvez le détail/,
    );
  });

  it('every state and every note in English and in Arabic: amounts in the language, the agent’s own words marked as French', () => {
    const notes: FamilyNote[] = [
      { note: 'none' },
      { note: 'mandate' },
      { note: 'amount', amountCents: 120000 },
      { note: 'loan', amountCents: 60000, months: 6, monthlyCents: 10000 },
      { note: 'vouchers', amountCents: 15000, kind: 'sante' },
      { note: 'corrected', amountCents: 10000, previousCents: 15000, text: 'Erreur de saisie' },
      { note: 'refused', motif: 'budget', text: '' },
      { note: 'text', text: 'Doublon' },
      { note: 'paid', amountCents: 120000 },
      { note: 'correction', reason: 'incomplete', asked: ['Devis'], text: 'Merci' },
      { note: 'message', text: 'Bonjour' },
    ];
    for (const s of STATUSES)
      for (const n of notes)
        for (const locale of ['en', 'ar']) {
          const m = status(locale, s, 'Chèque santé', n);
          expect(m.locale).toBe(locale);
          expect(m.body).not.toMatch(/Votre demande|Montant|Retrouvez|Motif|_|undefined/);
          expect(m.subject).not.toMatch(/demande|_/);
        }
    const en = status('en', 'accordee', 'Chèque santé', { note: 'vouchers', amountCents: 15000, kind: 'sante' });
    expect(en.subject).toBe('Your aid request: granted');
    expect(en.body).toBe(
      'Good news: your request “Chèque santé” is granted.\n\nAmount: €150.00, credited to your “Health voucher” account (under “Vouchers and Pass Famille Solo”).\n\nSee the details in your Relais space, under “Ask for an aid”.',
    );
    expect(status('en', 'refusee', 'X', { note: 'refused', motif: 'budget', text: 'Plus de fonds' }).body).toMatch(
      /Reason: the aid’s budget for the year is used up\. The agent’s note \(in French\): Plus de fonds\n\nYou can challenge this decision within two months/,
    );
    expect(status('en', 'a_corriger', 'X', { note: 'correction', reason: 'incomplete', asked: ['Devis', 'IBAN'], text: '' }).body).toMatch(
      /A document or a piece of information is missing \(in French: Devis, IBAN\)\.\n\nSee the details/,
    );
    expect(status('ar', 'versee', 'X', { note: 'paid', amountCents: 120000 }).body).toMatch(/1,200\.00\s€/);
  });
});
