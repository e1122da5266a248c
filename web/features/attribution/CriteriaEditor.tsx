/**
 * Staff: a campaign's criteria, as families will read them: each with its label, its weight,
 * what proves it (a kind of document, a field of the family's file, or Relais' own records)
 * and its explanation; criteria added and removed until the results are published.
 */
import type { ApiError } from '../../app/api';
import type { CampaignDetail } from '../../../src/modules/attribution';
import { useT } from '../../app/i18n';
import { Button, NumberField, SelectField, TextField } from '../../ui';
import { READS, readOf } from './display';
import { PROOF_DOCUMENTS } from './shared';

export type CriterionDraft = CampaignDetail['criteria'][number] & { key: string };

const QF = /^qf:(\d+)-(\d+)$/;

let fresh = 0;
export function newCriterion(): CriterionDraft {
  fresh += 1;
  return { key: `new-${fresh}`, code: '', label: '', description: '', weight: 10, proof: '', proofDocument: null, derive: null };
}

export function CriteriaEditor({
  criteria,
  setCriteria,
  error,
}: {
  criteria: CriterionDraft[];
  setCriteria: (c: CriterionDraft[]) => void;
  error: ApiError | null;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<CriterionDraft>) => setCriteria(criteria.map((x, j) => (i === j ? { ...x, ...patch } : x)));
  return (
    <section aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('attribution.rulesTitle')}</h2>
      <p className="help">{t('attribution.criteriaHelp')}</p>
      {criteria.map((x, i) => {
        const read = readOf(x.derive);
        const band = QF.exec(x.derive ?? '');
        const setBand = (min: number | null, max: number | null) => set(i, { derive: `qf:${min ?? 0}-${max ?? 0}` });
        const name = x.label || t('attribution.newCriterion');
        return (
          <fieldset key={x.key} className="criterion-edit">
            <legend>{name}</legend>
            <TextField
              label={t('attribution.criterionLabel')}
              value={x.label}
              onChange={(v) => set(i, { label: v })}
              isRequired
              error={error?.field(`criteria.${i}.label`)}
            />
            <div className="grid-form">
              <NumberField
                label={t('attribution.weight')}
                help={t('attribution.weightHelp')}
                value={x.weight}
                onChange={(v) => set(i, { weight: v ?? 0 })}
                minValue={-1000}
                maxValue={1000}
                step={0.5}
                error={error?.field(`criteria.${i}.weight`)}
              />
              <SelectField
                name={`proof-document-${x.key}`}
                label={t('attribution.proofDocument')}
                value={x.proofDocument ?? ''}
                onChange={(v) => set(i, { proofDocument: v ? (v as CriterionDraft['proofDocument']) : null })}
                options={[{ value: '', label: t('attribution.noDocument') }, ...PROOF_DOCUMENTS.map((d) => ({ value: d, label: t(`attribution.doc.${d}`) }))]}
                error={error?.field(`criteria.${i}.proofDocument`)}
              />
              <SelectField
                name={`read-${x.key}`}
                label={t('attribution.readFromFile')}
                value={read}
                onChange={(v) => set(i, { derive: v === 'qf' ? 'qf:0-500' : v || null })}
                options={READS.map((r) => ({ value: r, label: t(`attribution.read.${r || 'declared'}`) }))}
                error={error?.field(`criteria.${i}.derive`)}
              />
              {read === 'qf' ? (
                <>
                  <NumberField
                    label={t('attribution.qfMin')}
                    value={band ? Number(band[1]) : 0}
                    onChange={(v) => setBand(v, band ? Number(band[2]) : 0)}
                    minValue={0}
                    maxValue={999999}
                  />
                  <NumberField
                    label={t('attribution.qfMax')}
                    value={band ? Number(band[2]) : 0}
                    onChange={(v) => setBand(band ? Number(band[1]) : 0, v)}
                    minValue={0}
                    maxValue={999999}
                  />
                </>
              ) : null}
            </div>
            <TextField
              label={t('attribution.proof')}
              help={t('attribution.proofHelp')}
              value={x.proof}
              onChange={(v) => set(i, { proof: v })}
              error={error?.field(`criteria.${i}.proof`)}
            />
            <TextField
              label={t('attribution.criterionDescription')}
              value={x.description}
              onChange={(v) => set(i, { description: v })}
              multiline
              error={error?.field(`criteria.${i}.description`)}
            />
            <Button
              variant="ghost"
              onPress={() => setCriteria(criteria.filter((_, j) => j !== i))}
              aria-label={t('attribution.removeCriterionLabel', { label: name })}
            >
              {t('attribution.removeCriterion')}
            </Button>
          </fieldset>
        );
      })}
      <Button variant="secondary" onPress={() => setCriteria([...criteria, newCriterion()])}>
        {t('attribution.addCriterion')}
      </Button>
    </section>
  );
}
