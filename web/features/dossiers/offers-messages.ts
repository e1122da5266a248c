/** Words of "what you can ask" on the family's file (other modules' offers, e.g. the town's local aids). */
export default {
  fr: {
    yes: 'D’après votre dossier, vous pouvez l’obtenir',
    maybe: 'À vérifier',
    ask: 'Demander',
    none: 'D’après votre dossier, rien de plus pour le moment.',
  },
  en: {
    yes: 'From your file, you can get it',
    maybe: 'To be checked',
    ask: 'Ask for it',
    none: 'From your file, nothing more for now.',
  },
  ar: {
    yes: 'حسب ملفك، يمكنك الحصول عليها',
    maybe: 'يجب التحقق',
    ask: 'اطلب',
    none: 'حسب ملفك، لا شيء آخر حاليًا.',
  },
  falc: {
    yes: 'Vous pouvez l’avoir',
    maybe: 'Il faut vérifier',
  },
};
