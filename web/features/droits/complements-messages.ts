/** Words of what other modules add beside the national benefits (e.g. the town's local aids). */
export default {
  fr: {
    intro: 'À côté des prestations nationales, d’après vos réponses :',
    yes: 'Vous pouvez l’obtenir',
    maybe: 'À vérifier',
    no: 'Pas d’après vos réponses',
    others: 'Les autres aides ({n}) et pourquoi',
    see: 'Voir',
  },
  en: {
    intro: 'Beside the national benefits, from your answers:',
    yes: 'You can get it',
    maybe: 'To be checked',
    no: 'Not from your answers',
    others: 'The other aids ({n}) and why',
    see: 'See',
  },
  ar: {
    intro: 'إلى جانب الإعانات الوطنية، حسب إجاباتك:',
    yes: 'يمكنك الحصول عليها',
    maybe: 'يجب التحقق',
    no: 'لا، حسب إجاباتك',
    others: 'المساعدات الأخرى ({n}) والسبب',
    see: 'عرض',
  },
  falc: {
    intro: 'La ville peut aussi vous aider :',
    yes: 'Vous pouvez l’avoir',
    maybe: 'Il faut vérifier',
  },
};
