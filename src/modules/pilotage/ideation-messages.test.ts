import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../platform/notify/localized';
import { eventSentence, eventVars } from './ideation-messages';

const base = { proposalTitle: 'Un café des parents', actionTitle: null, detail: null };

describe('what followers of an idea are told', () => {
  it('one sentence per event', () => {
    expect(eventSentence({ ...base, kind: 'published' })).toBe(
      "L'idée « Un café des parents » est publiée : les autres parents peuvent la lire et la soutenir.",
    );
    expect(eventSentence({ ...base, kind: 'refused', detail: 'Hors compétence de la ville' })).toContain('Raison donnée : Hors compétence de la ville.');
    expect(eventSentence({ ...base, kind: 'became-action', actionTitle: 'Café des parents du samedi' })).toBe(
      "L'idée « Un café des parents » devient une action du plan : « Café des parents du samedi ».",
    );
    expect(eventSentence({ ...base, kind: 'action-status', actionTitle: 'Un café des parents', detail: 'en_cours' })).toBe(
      "L'action « Un café des parents » a démarré.",
    );
    expect(eventSentence({ ...base, kind: 'action-status', actionTitle: 'Café du samedi', detail: 'realisee' })).toBe(
      "L'action « Café du samedi », issue de l'idée « Un café des parents », est réalisée.",
    );
    expect(eventSentence({ ...base, kind: 'action-news', actionTitle: 'Café du samedi', detail: 'Premier café le 4 avril.' })).toBe(
      "Des nouvelles de l'action « Café du samedi », issue de l'idée « Un café des parents » : Premier café le 4 avril.",
    );
  });

  it('the message says why the person receives it, in their language; a supporter can stop', () => {
    const where = { link: 'https://relais.example/idees', ccas: 'CCAS d’Amiens' };
    const toSupporter = renderNotification('fr', 'pilotage.idea-became-action', eventVars({ ...base, kind: 'became-action' }, false, where));
    expect(toSupporter.subject).toBe('Une idée devient une action du plan');
    expect(toSupporter.body).toContain('Vous soutenez cette idée.');
    expect(toSupporter.body).toContain('retirer votre soutien');
    const toAuthor = renderNotification('fr', 'pilotage.idea-refused', eventVars({ ...base, kind: 'refused', detail: 'Doublon' }, true, where));
    expect(toAuthor.body).toContain('Raison donnée : Doublon');
    expect(toAuthor.body).not.toContain('retirer votre soutien');
    const started = renderNotification(
      'en',
      'pilotage.idea-action-status',
      eventVars({ ...base, kind: 'action-status', actionTitle: 'Café du samedi', detail: 'en_cours' }, false, where),
    );
    expect(started).toMatchObject({ locale: 'en', subject: 'News of an action born from your ideas' });
    expect(started.body).toContain('The action “Café du samedi”, born from the idea “Un café des parents”, has started.');
    expect(started.body).toContain('You can withdraw your support');
    const sms = renderNotification('ar', 'pilotage.idea-action-status', eventVars({ ...base, kind: 'action-status', detail: 'realisee' }, true, where)).sms;
    expect(sms).toContain('قد أُنجز');
  });
});
