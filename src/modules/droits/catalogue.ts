export interface BenefitInfo { key: string }
export function benefitCatalogue(): BenefitInfo[] { return []; }
