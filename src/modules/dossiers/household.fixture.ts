/** A complete household for pure tests. */
import type { Household } from './household';

export function sampleHousehold(over: Partial<Household> = {}): Household {
  return {
    id: '0b6f7c9e-1a2b-4c3d-8e9f-001122334455',
    status: 'active',
    version: 3,
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    lastConfirmedAt: null,
    referentAgentId: null,
    parentUserId: 'u-1',
    parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12', phone: '0601020304', email: 'samia@example.fr' },
    otherParent: { firstName: 'Karim', lastName: 'Benali', custody: 'visiting', alimonyDueMonthlyCents: 15000, alimonyPaidRegularly: false },
    children: [
      { id: 'c-2', firstName: 'Lina', lastName: 'Benali', birthDate: '2019-09-01', custody: 'full', schoolName: 'École Jules Verne', schoolLevel: 'GS' },
      { id: 'c-1', firstName: 'Yanis', lastName: 'Benali', birthDate: '2015-02-20', custody: 'full', schoolName: 'École Jules Verne', schoolLevel: 'CM1' },
    ],
    address: { line: '12 rue des Lilas', postalCode: '80000', city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' },
    situation: {
      activity: 'actif',
      unemploymentSince: null,
      salaryNetMonthlyCents: 95050,
      unemploymentNetMonthlyCents: 0,
      otherIncomeMonthlyCents: 0,
      alimonyReceivedMonthlyCents: 5000,
      familyBenefitsMonthlyCents: 40000,
      annualIncomeCents: 1_140_600,
      recentlySeparated: true,
    },
    housing: { status: 'locataire_hlm', rentMonthlyCents: 48000, chargesMonthlyCents: null, rentWithChargesFormerCents: null },
    quotient: { value: 400, source: 'computed', entered: null },
    documents: [
      {
        id: 'd-1',
        kind: 'avis-imposition',
        label: 'Avis 2025',
        validFrom: '2025-09-01',
        validUntil: '2026-08-31',
        hasFile: false,
        originalName: null,
        mimeType: null,
        sizeBytes: null,
        expired: false,
      },
    ],
    ...over,
  };
}
