/**
 * Which fields of the file each form needs, and why. A module declares its forms as data
 * (`defineForm('aides.request', { fields, purpose })`) in its ModuleDef's
 * `hooks.dossiers.forms`; the wiring installs them (extensions.ts). `prefill` returns only
 * those fields, and the family's file page shows, for every field, which forms use it
 * ("pourquoi on vous demande ceci"). Collect only what is needed: a form that does not
 * declare a field never receives it.
 */
import { FIELDS, isFieldKey, type FieldKey } from './fields';

export interface FormDeclaration {
  /** `module.form`, e.g. `droits.simulation`. */
  formId: string;
  module: string;
  /** Short French title of the form ("Simulateur de droits"). */
  title: string;
  /** Why these fields are needed, in plain French, shown to the family. */
  purpose: string;
  fields: FieldKey[];
}

let forms = new Map<string, FormDeclaration>();

/** A form's declaration, checked (id `module.form`, known fields, a purpose). Registers nothing. */
export function defineForm(formId: string, decl: { fields: readonly (FieldKey | string)[]; purpose: string; title?: string }): FormDeclaration {
  if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(formId)) throw new Error(`form id must be module.form: ${formId}`);
  const unknown = decl.fields.filter((f) => !isFieldKey(f));
  if (unknown.length) throw new Error(`form ${formId} declares unknown fields: ${unknown.join(', ')}`);
  if (!decl.purpose.trim()) throw new Error(`form ${formId} must say why it needs these fields`);
  return {
    formId,
    module: formId.split('.')[0],
    title: decl.title ?? formId,
    purpose: decl.purpose,
    fields: [...new Set(decl.fields as FieldKey[])],
  };
}

/** Called at wiring time with every module's forms. */
export function installForms(list: readonly FormDeclaration[]): void {
  const next = new Map<string, FormDeclaration>();
  for (const f of list) {
    if (next.has(f.formId)) throw new Error(`form declared twice: ${f.formId}`);
    next.set(f.formId, f);
  }
  forms = next;
}

export function getForm(formId: string): FormDeclaration | undefined {
  return forms.get(formId);
}

export function listForms(): FormDeclaration[] {
  return [...forms.values()].sort((a, b) => a.formId.localeCompare(b.formId));
}

/** For the file page: every field with its label, part and the forms that use it. */
export function fieldUsage(): { key: FieldKey; label: string; part: string; usedBy: { formId: string; module: string; title: string; purpose: string }[] }[] {
  const all = listForms();
  return (Object.keys(FIELDS) as FieldKey[]).map((key) => ({
    key,
    label: FIELDS[key].label,
    part: FIELDS[key].part,
    usedBy: all.filter((f) => f.fields.includes(key)).map(({ formId, module, title, purpose }) => ({ formId, module, title, purpose })),
  }));
}
