/** Words of the partner's listing editor (the opening hours, day by day). */
export default {
  fr: {
    hoursTitle: 'Horaires d’accueil',
    hoursIntro: 'Cochez les jours d’ouverture et indiquez les heures. Une pause à midi ? Ajoutez une deuxième plage.',
    'day.0': 'Lundi',
    'day.1': 'Mardi',
    'day.2': 'Mercredi',
    'day.3': 'Jeudi',
    'day.4': 'Vendredi',
    'day.5': 'Samedi',
    'day.6': 'Dimanche',
    openOn: 'Ouvert le {day}',
    from: 'Ouverture',
    to: 'Fermeture',
    rangeLabel: '{day}, plage {n}',
    addRange: 'Ajouter une plage',
    remove: 'Retirer',
    removeRange: 'la plage {n} du {day}',
    sameAsPrevious: 'Mêmes horaires que le {day}',
    closedOnHolidays: 'Fermé les jours fériés',
    complex:
      'Vos horaires enregistrés ont une forme particulière (par exemple une semaine sur deux) que l’éditeur jour par jour ne sait pas montrer. Ils restent tels quels tant que vous ne les remplacez pas.',
    replace: 'Les remplacer par des horaires jour par jour',
    summaryClosed: 'fermé',
    serviceHoursTitle: 'Horaires du service « {name} »',
    serviceSameAsStructure: 'Sans horaires propres, le service affiche ceux de la structure.',
  },
};
