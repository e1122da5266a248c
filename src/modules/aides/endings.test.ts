import { describe, expect, it } from 'vitest';
import { addDays, endedNotice, endsSoonOrJustEnded, frenchDay, isYearly, renewalNotice, renewalSeason } from './endings';

describe('when an aid ends', () => {
  it('writes days as people read them', () => {
    expect(frenchDay('2026-12-31')).toBe('31 décembre 2026');
    expect(frenchDay('2027-01-01')).toBe('1er janvier 2027');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('tells from 30 days before the end date to 30 days after', () => {
    expect(endsSoonOrJustEnded({ end_date: '2026-04-09' }, '2026-03-10')).toBe(true);
    expect(endsSoonOrJustEnded({ end_date: '2026-04-10' }, '2026-03-10')).toBe(false);
    expect(endsSoonOrJustEnded({ end_date: '2026-02-08' }, '2026-03-10')).toBe(true);
    expect(endsSoonOrJustEnded({ end_date: '2026-02-07' }, '2026-03-10')).toBe(false);
    expect(endsSoonOrJustEnded({}, '2026-03-10')).toBe(false);
  });

  it('yearly aids are renewed in December', () => {
    expect(isYearly({ benefit: { kind: 'vouchers', amount_cents: 1, voucher: 'sante', per: 'year' } })).toBe(true);
    expect(isYearly({ benefit: { kind: 'vouchers', amount_cents: 1, voucher: 'sante', per: 'once' } })).toBe(false);
    expect(isYearly({ benefit: { kind: 'fixed', amount_cents: 1 } })).toBe(false);
    expect(renewalSeason('2026-11-30')).toBe(false);
    expect(renewalSeason('2026-12-01')).toBe(true);
  });

  it('says it in plain French, for each situation', () => {
    expect(endedNotice('Chèque santé', '2026-03-31', '2026-03-10', 'receives')).toEqual({
      subject: "L'aide « Chèque santé » prend fin le 31 mars 2026",
      body: "Bonjour,\n\nL'aide « Chèque santé » de la ville prend fin le 31 mars 2026. Ce qui vous a été accordé reste acquis.\n\nRetrouvez les autres aides de la ville dans la rubrique « Demander une aide ».",
    });
    expect(endedNotice('Chèque santé', '2026-03-01', '2026-03-10', 'eligible').body).toMatch(
      /a pris fin le 1er mars 2026\. D'après votre dossier, vous pouviez l'obtenir : elle ne peut plus être demandée\./,
    );
    expect(endedNotice('Chèque santé', '2026-03-31', '2026-03-10', 'asked').body).toMatch(/Votre demande en cours reste instruite/);
    expect(renewalNotice('Chèque santé', 2026).body).toMatch(/prend fin le 31 décembre 2026\. Vous pourrez la demander à nouveau à partir du 1er janvier 2027/);
    for (const n of [endedNotice('X', '2026-03-31', '2026-03-10', 'asked'), renewalNotice('X', 2026)]) expect(n.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
