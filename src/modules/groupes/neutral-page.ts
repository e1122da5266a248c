/**
 * Where the quick exit leads: a plain recipes page, served outside the web app (no menu,
 * no name of Relais or of the town, no script, its own empty icon), that anyone glancing
 * at the screen takes for an ordinary site.
 */
const RECIPES: { title: string; time: string; text: string }[] = [
  {
    title: 'Soupe de potiron',
    time: '35 min',
    text: 'Faire revenir un oignon, ajouter 800 g de potiron en dés et deux pommes de terre, couvrir d’eau, cuire 25 minutes, mixer avec un peu de crème.',
  },
  {
    title: 'Gratin de poireaux',
    time: '45 min',
    text: 'Émincer quatre poireaux, les faire fondre au beurre, les étaler dans un plat avec une béchamel légère, parsemer de fromage râpé et gratiner 20 minutes.',
  },
  {
    title: 'Compote pommes-poires',
    time: '25 min',
    text: 'Éplucher trois pommes et trois poires, les couper en morceaux, cuire à feu doux avec un fond d’eau et une pincée de cannelle, écraser à la fourchette.',
  },
  {
    title: 'Crêpes du dimanche',
    time: '15 min + repos',
    text: '250 g de farine, quatre œufs, un demi-litre de lait, une pincée de sel : mélanger, laisser reposer une heure, cuire dans une poêle bien chaude.',
  },
];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const NEUTRAL_PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Recettes de saison</title>
<style>
  body { margin: 0; font-family: Georgia, 'Times New Roman', serif; background: #fbf7f0; color: #2b2118; line-height: 1.5; }
  header { background: #6b3e1f; color: #fff; padding: 1rem; }
  header h1 { margin: 0; font-size: 1.6rem; }
  header p { margin: 0.25rem 0 0; }
  main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
  article { background: #fff; border: 1px solid #e4d8c8; border-radius: 0.5rem; padding: 0.75rem 1rem; margin-bottom: 1rem; }
  article h2 { margin: 0 0 0.25rem; font-size: 1.25rem; color: #6b3e1f; }
  .time { font-size: 0.95rem; color: #5a4a3a; margin: 0 0 0.5rem; }
  form { margin: 0 0 1rem; display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: end; }
  label { display: block; font-size: 0.95rem; }
  input { font: inherit; padding: 0.4rem; border: 1px solid #8a7560; border-radius: 0.3rem; }
</style>
</head>
<body>
<header><h1>Recettes de saison</h1><p>Des plats simples et pas chers pour la semaine.</p></header>
<main>
<form role="search" action="/cuisine"><div><label for="q">Chercher une recette</label><input id="q" type="search" name="q"></div></form>
${RECIPES.map((r) => `<article><h2>${escape(r.title)}</h2><p class="time">Préparation : ${escape(r.time)}</p><p>${escape(r.text)}</p></article>`).join('\n')}
</main>
</body>
</html>
`;
