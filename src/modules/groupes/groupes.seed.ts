/** Demo: a room per theme, one for the first neighbourhood, an announcement room; the demo agent facilitates them. */
import type { SeedDef } from '../../platform/seeds';
import * as store from './groupes.store';

const ROOMS = [
  { name: 'Après la séparation', theme: 'separation', description: 'Se séparer, réorganiser la garde, tenir le coup.' },
  { name: 'Boucler le mois', theme: 'budget', description: 'Astuces, aides, et le droit de dire que c’est dur.' },
  { name: "Parents d'ados", theme: 'ados', description: 'Écrans, sorties, école : on en parle entre parents.' },
  { name: 'Petite enfance', theme: 'petite-enfance', description: 'Sommeil, garde, premiers pas.' },
  { name: 'Souffler un peu', theme: 'sante-mentale', description: 'Fatigue, épuisement, moral : un espace pour souffler, avec une psychologue.' },
  { name: 'Premiers mois seul·e', theme: 'premiers-mois', description: 'Vous venez de vous retrouver seul·e avec les enfants ? Vous n’êtes pas seul·e ici.' },
] as const;

export const groupesDemoSeed: SeedDef = {
  name: 'groupes.demo',
  async run(ctx, t) {
    const now = ctx.now();
    const agent = await store.demoUserId(t, 'agent@demo.relais.fr');
    const n = ctx.town.neighbourhoods[0];
    const rooms: { name: string; theme: string; description: string; neighbourhood?: string; kind?: string }[] = [
      ...ROOMS,
      ...(n ? [{ name: `Parents solos – ${n.name}`, theme: 'quartier', description: 'Les parents du quartier.', neighbourhood: n.id }] : []),
      {
        name: 'Annonces des groupes',
        theme: 'autre',
        description: 'Les séances à venir et les nouvelles des groupes (seule l’animation publie).',
        kind: 'announcement',
      },
    ];
    for (const r of rooms) {
      const id = await store.insertRoom(t, {
        name: r.name,
        description: r.description,
        theme: r.theme,
        neighbourhood: r.neighbourhood ?? null,
        kind: r.kind ?? 'discussion',
        createdBy: null,
        now,
        isDemo: true,
      });
      if (agent) await store.upsertMember(t, { roomId: id, userId: agent, pseudonym: 'Julien (animateur)', role: 'facilitator', now });
    }
  },
};
