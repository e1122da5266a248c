import { describe, expect, it } from 'vitest';
import { formatRowError, structureKey, validateRecord, validateRecords, type Kind } from './data-inclusion';

const structure = (over: Record<string, unknown> = {}) => ({
  source: 'dora',
  id: 'dora--1',
  nom: 'Centre social Le Tournesol',
  date_maj: '2026-03-14',
  ...over,
});
const service = (over: Record<string, unknown> = {}) => ({
  source: 'dora',
  structure_id: 'dora--1',
  id: 'dora--s1',
  nom: 'Aide alimentaire',
  description: 'Colis alimentaires chaque semaine.',
  date_maj: '2026-03-14',
  ...over,
});
const errorsOf = (kind: Kind, input: unknown) => validateRecord({ line: 7, kind, input }).errors.map((e) => [e.field, e.message]);

describe('validateRecord: structures', () => {
  it('accepts a minimal structure and keeps unknown fields', () => {
    const r = validateRecord({ line: 2, kind: 'structure', input: structure({ champ_maison: 'x' }) });
    expect(r.errors).toEqual([]);
    expect(r.valid?.record.champ_maison).toBe('x');
    expect(r.valid?.extras.demo).toBe(false);
  });
  it('reports each missing required field', () => {
    expect(errorsOf('structure', { source: 'dora' })).toEqual([
      ['id', 'Champ obligatoire.'],
      ['nom', 'Champ obligatoire.'],
      ['date_maj', 'Champ obligatoire.'],
    ]);
  });
  it('reports a bad SIRET, postal code, e-mail, URL and date at once', () => {
    const errs = errorsOf(
      'structure',
      structure({ siret: '123', code_postal: '8000', courriel: 'pas-un-courriel', site_web: 'www.example.org', date_maj: '2026-02-30' }),
    );
    expect(errs).toEqual([
      ['code_postal', 'Doit comporter 5 chiffres.'],
      ['courriel', 'Adresse courriel invalide.'],
      ['date_maj', 'Date invalide (attendue au format AAAA-MM-JJ).'],
      ['siret', 'Doit comporter 14 chiffres.'],
      ['site_web', 'Lien invalide (doit commencer par http:// ou https://).'],
    ]);
  });
  it('checks the name length', () => {
    expect(errorsOf('structure', structure({ nom: 'AB' }))).toEqual([['nom', 'Doit contenir au moins 3 caractères.']]);
    expect(errorsOf('structure', structure({ nom: 'x'.repeat(151) }))).toEqual([['nom', 'Doit contenir au plus 150 caractères.']]);
  });
  it('reports unknown réseaux porteurs by position', () => {
    expect(errorsOf('structure', structure({ reseaux_porteurs: ['caf', 'inconnu'] }))).toEqual([
      ['reseaux_porteurs.1', "« inconnu » n'est pas une valeur autorisée."],
    ]);
  });
  it('rejects a non-object element', () => {
    expect(errorsOf('structure', 'texte')).toEqual([['', 'Chaque élément doit être un objet.']]);
  });
  it('checks coordinates go together and lie on Earth', () => {
    expect(errorsOf('structure', structure({ latitude: 49.9 }))).toEqual([
      ['longitude', 'Latitude et longitude vont ensemble : renseignez les deux ou aucune.'],
    ]);
    expect(errorsOf('structure', structure({ latitude: 95, longitude: 2 }))).toEqual([['latitude', 'Doit être comprise entre -90 et 90.']]);
    expect(errorsOf('structure', structure({ latitude: '49.9', longitude: 2 }))).toContainEqual(['latitude', 'Doit être un nombre.']);
  });
  it('checks opening hours', () => {
    expect(errorsOf('structure', structure({ horaires_accueil: 'du lundi au vendredi' }))[0][0]).toBe('horaires_accueil');
    expect(errorsOf('structure', structure({ horaires_accueil: 'Mo-Fr 09:00-12:00' }))).toEqual([]);
  });
  it('validates our extra fields', () => {
    expect(errorsOf('structure', structure({ relais: { pass_famille_solo: 'oui', langues: ['fr', 'Arabe'] } }))).toEqual([
      ['relais.pass_famille_solo', 'Doit être vrai ou faux.'],
      ['relais.langues.1', 'Code de langue à 2 ou 3 lettres (fr, en, ar…).'],
    ]);
    const ok = validateRecord({ line: 1, kind: 'structure', input: structure({ relais: { label_ville_solidaire: true, coin_enfants: true } }) });
    expect(ok.valid?.extras).toMatchObject({ label_ville_solidaire: true, coin_enfants: true, poussettes: false });
    expect(ok.valid?.record).not.toHaveProperty('relais');
  });
});

describe('validateRecord: services', () => {
  it('accepts a minimal service', () => {
    expect(errorsOf('service', service())).toEqual([]);
  });
  it('requires a description of at least 5 characters', () => {
    expect(errorsOf('service', service({ description: 'abc' }))).toEqual([['description', 'Doit contenir au moins 5 caractères.']]);
    expect(errorsOf('service', service({ description: null }))).toEqual([['description', 'Champ obligatoire.']]);
  });
  it('checks vocabularies: thématiques, type, frais, publics', () => {
    expect(
      errorsOf('service', service({ thematiques: ['famille--garde-denfants', 'sante--dentiste'], type: 'conseil', frais: 'libre', publics: ['parents'] })),
    ).toEqual([
      ['frais', "« libre » n'est pas une valeur autorisée."],
      ['publics.0', "« parents » n'est pas une valeur autorisée."],
      ['thematiques.1', "« sante--dentiste » n'est pas une valeur autorisée."],
      ['type', "« conseil » n'est pas une valeur autorisée."],
    ]);
  });
  it('rejects duplicates and empty lists where the schema says so', () => {
    expect(errorsOf('service', service({ thematiques: ['famille--garde-denfants', 'famille--garde-denfants'] }))).toEqual([
      ['thematiques', 'Valeur en double : « famille--garde-denfants ».'],
    ]);
    expect(errorsOf('service', service({ modes_mobilisation: [] }))).toEqual([['modes_mobilisation', 'La liste ne peut pas être vide.']]);
  });
  it('forbids tous-publics with other publics', () => {
    expect(errorsOf('service', service({ publics: ['tous-publics', 'familles'] }))).toEqual([
      ['publics', '« tous-publics » ne peut pas être combiné avec d’autres publics.'],
    ]);
  });
  it('checks zone_eligibilite codes', () => {
    expect(errorsOf('service', service({ zone_eligibilite: ['80021', '80', '200093201', 'france', '99100'] }))).toEqual([]);
    expect(errorsOf('service', service({ zone_eligibilite: ['Amiens'] }))[0][0]).toBe('zone_eligibilite.0');
  });
  it('checks integers and minimums', () => {
    expect(errorsOf('service', service({ nombre_semaines: 0 }))).toEqual([['nombre_semaines', 'Doit être supérieur ou égal à 1.']]);
    expect(errorsOf('service', service({ nombre_semaines: 2.5 }))).toEqual([['nombre_semaines', 'Doit être un nombre entier.']]);
  });
  it('validates the service extras', () => {
    expect(errorsOf('service', service({ relais: { categorie: 'sante', profession: 'dentiste' } }))).toEqual([]);
    expect(errorsOf('service', service({ relais: { categorie: 'plage' } }))[0][0]).toBe('relais.categorie');
  });
});

describe('validateRecords (a whole file)', () => {
  it('reports duplicates with the first line', () => {
    const r = validateRecords([
      { line: 2, kind: 'structure', input: structure() },
      { line: 9, kind: 'structure', input: structure() },
    ]);
    expect(r.valid).toHaveLength(1);
    expect(r.errors).toEqual([{ line: 9, kind: 'structure', id: 'dora--1', field: 'id', message: 'Identifiant en double (déjà présent ligne 2).' }]);
  });
  it('accepts services whose structure is in the file or already known', () => {
    const inFile = validateRecords([
      { line: 2, kind: 'structure', input: structure() },
      { line: 3, kind: 'service', input: service() },
    ]);
    expect(inFile.errors).toEqual([]);
    const known = validateRecords([{ line: 2, kind: 'service', input: service() }], new Set([structureKey('dora', 'dora--1')]));
    expect(known.errors).toEqual([]);
  });
  it('rejects services of an unknown structure', () => {
    const r = validateRecords([{ line: 4, kind: 'service', input: service({ structure_id: 'dora--x' }) }]);
    expect(r.errors[0]).toMatchObject({ line: 4, field: 'structure_id' });
  });
  it('sorts every error of every row by line', () => {
    const r = validateRecords([
      { line: 5, kind: 'structure', input: structure({ id: 'a', siret: '1' }) },
      { line: 2, kind: 'structure', input: structure({ id: 'b', nom: null }) },
    ]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'nom'],
      [5, 'siret'],
    ]);
  });
  it('formats an error in French', () => {
    expect(formatRowError({ line: 3, kind: 'service', id: 'x--1', field: 'frais', message: 'Non.' })).toBe('ligne 3 (service x--1), champ « frais » : Non.');
  });
});
