import { describe, expect, it } from 'vitest';
import { eventMessage, eventSentence } from './ideation-messages';

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

  it('the message says why the person receives it; a supporter can stop', () => {
    const toSupporter = eventMessage({ ...base, kind: 'became-action' }, false);
    expect(toSupporter.subject).toBe('Une idée devient une action du plan');
    expect(toSupporter.body).toContain('Vous soutenez cette idée.');
    expect(toSupporter.body).toContain('retirer votre soutien');
    const toAuthor = eventMessage({ ...base, kind: 'refused', detail: 'Doublon' }, true);
    expect(toAuthor.body).toContain('Vous avez proposé cette idée.');
    expect(toAuthor.body).not.toContain('retirer votre soutien');
  });
});
