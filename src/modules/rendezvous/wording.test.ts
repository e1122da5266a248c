import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../platform/notify/localized';
import type { NoticeTemplate } from './notices';
import {
  cancelledVars,
  confirmationVars,
  emergencyAnswerVars,
  frenchDayTime,
  frenchTime,
  movedVars,
  offerVars,
  reminderVars,
  sessionChangedVars,
  type NoticeVars,
} from './wording';

const TUE = new Date('2026-01-13T11:00:00Z');
const THU = new Date('2026-01-15T13:30:00Z');
const SAMPLES: Record<NoticeTemplate, NoticeVars> = {
  'rendezvous.confirmation': confirmationVars('Permanence santé', TUE, 'Maison de quartier, 1 rue de la Paix', ['carte Vitale', 'carnet de santé']),
  'rendezvous.reminder': reminderVars('Permanence santé', TUE, null, []),
  'rendezvous.offer': offerVars('Crèche occasionnelle', TUE, new Date('2026-01-12T16:00:00Z')),
  'rendezvous.cancelled': cancelledVars('Atelier', TUE),
  'rendezvous.moved': movedVars('Atelier', TUE, THU, 'Centre social'),
  'rendezvous.changed': sessionChangedVars('Atelier', TUE, { place: 'Centre social Etouvie', agent: 'Yanis Haddad' }),
  'rendezvous.emergency-answer': emergencyAnswerVars('placed', 'Crèche des Lilas, 8 h.'),
};
const LANGUAGES = fs
  .readdirSync(path.join(import.meta.dirname, 'messages'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

describe('wording', () => {
  it('says times the French way, in Paris', () => {
    expect(frenchTime(new Date('2026-01-12T11:30:00Z'))).toBe('12 h 30');
    expect(frenchTime(new Date('2026-07-12T10:00:00Z'))).toBe('12 h');
    expect(frenchDayTime(new Date('2026-01-13T11:30:00Z'))).toBe('mardi 13 janvier à 12 h 30');
  });

  it('writes every notice in French, English and Arabic, from the family’s catalogue (no placeholder left, no ISO date)', () => {
    expect(LANGUAGES.sort()).toEqual(['ar', 'en', 'fr']);
    for (const [template, vars] of Object.entries(SAMPLES)) {
      for (const locale of LANGUAGES) {
        const r = renderNotification(locale, template, vars);
        expect(r.locale, `${template} in ${locale}`).toBe(locale);
        expect(r.subject, `${template} subject in ${locale}`).toBeTruthy();
        expect(r.body).not.toMatch(/[{}]|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
      }
    }
  });

  it('lists the documents to bring, the day and the time, per language', () => {
    const vars = SAMPLES['rendezvous.confirmation'];
    const fr = renderNotification('fr', 'rendezvous.confirmation', vars).body;
    expect(fr).toBe(
      'Relais : votre rendez-vous « Permanence santé » est confirmé le mardi 13 janvier à 12 h, Maison de quartier, 1 rue de la Paix. À apporter : carte Vitale, carnet de santé.',
    );
    const en = renderNotification('en', 'rendezvous.confirmation', vars).body;
    expect(en).toBe(
      'Relais: your appointment “Permanence santé” is confirmed on Tuesday 13 January at 12:00, Maison de quartier, 1 rue de la Paix. Please bring: carte Vitale, carnet de santé.',
    );
    expect(renderNotification('ar', 'rendezvous.confirmation', vars).body).toContain('12:00');
    expect(renderNotification('fr', 'rendezvous.reminder', SAMPLES['rendezvous.reminder']).body).not.toContain('À apporter');
    expect(renderNotification('fr', 'rendezvous.moved', SAMPLES['rendezvous.moved']).body).toContain(
      'du mardi 13 janvier à 12 h est déplacé au jeudi 15 janvier à 14 h 30, Centre social.',
    );
    expect(renderNotification('fr', 'rendezvous.offer', SAMPLES['rendezvous.offer']).body).toContain('jusqu’à 17 h');
    expect(renderNotification('en', 'rendezvous.offer', SAMPLES['rendezvous.offer']).body).toContain('until 17:00');
    expect(renderNotification('fr', 'rendezvous.changed', SAMPLES['rendezvous.changed']).body).toContain(
      'aura lieu à Centre social Etouvie et sera assuré par Yanis Haddad. L’heure ne change pas.',
    );
    expect(renderNotification('en', 'rendezvous.emergency-answer', SAMPLES['rendezvous.emergency-answer']).body).toBe(
      'Relais: an emergency childcare place has been found for your child. Crèche des Lilas, 8 h.',
    );
  });
});
