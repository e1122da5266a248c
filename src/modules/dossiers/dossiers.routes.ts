/** HTTP routes of the family's own file (`/api/dossiers/me…`) and shared lists. */
import { z } from 'zod';
import { parisDate } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http/types';
import { binaryBody, createdSchema, fileBody, okSchema } from '../../platform/response-schemas';
import * as consents from './consent.service';
import { droitsMissingFields, toDroitsInput } from './droits-input';
import { PART_LABELS, PARTS } from './fields';
import { fieldUsage } from './form-registry';
import * as households from './household.service';
import { getHouseholdForUser, prefill } from './prefill';
import { PURPOSES } from './purposes';
import * as renewal from './renewal.service';
import * as rights from './rights.service';
import {
  auditTrailOut,
  consentParams,
  consentSchema,
  consentsOut,
  documentParams,
  documentPatchSchema,
  documentSchema,
  droitsInputOut,
  erasedOut,
  exportOut,
  fieldsInfoOut,
  formParams,
  historyOut,
  householdChangedOut,
  householdWrapOut,
  myFileOut,
  myRenewalOut,
  patchSchema,
  periodQuery,
  prefillOut,
  renewalConfirmedOut,
  structuresOut,
} from './dossiers.schemas';

const parent = ['parent'] as const;
const tags = ['dossiers'];

export default async function meRoutes(app: App) {
  app.get(
    '/api/dossiers/fields',
    {
      config: { access: 'authenticated' },
      schema: { response: { 200: fieldsInfoOut }, tags, summary: 'Les champs du dossier, leurs parties et les formulaires qui les utilisent' },
    },
    async () => ({
      fields: fieldUsage(),
      parts: PARTS.map((p) => ({ id: p, label: PART_LABELS[p] })),
      purposes: Object.entries(PURPOSES).map(([id, label]) => ({ id, label })),
    }),
  );

  app.get(
    '/api/dossiers/structures',
    {
      config: { access: 'authenticated' },
      schema: { response: { 200: structuresOut }, tags, summary: 'Structures partenaires avec qui partager' },
    },
    async (req) => consents.partnerStructures(req.ctx),
  );

  app.get(
    '/api/dossiers/me',
    {
      config: { access: parent },
      schema: { response: { 200: myFileOut }, tags, summary: 'Mon dossier (null si pas encore créé)' },
    },
    async (req) => {
      const h = await getHouseholdForUser(req.ctx);
      return { household: h, missingForDroits: h ? droitsMissingFields(h) : [] };
    },
  );

  app.post(
    '/api/dossiers/me',
    {
      config: { access: parent },
      schema: { response: { 201: householdWrapOut }, tags, summary: 'Créer mon dossier', body: patchSchema },
    },
    async (req, reply) => {
      const h = await households.createOwnHousehold(req.ctx, req.body);
      return reply.status(201).send({ household: h });
    },
  );

  app.patch(
    '/api/dossiers/me',
    {
      config: { access: parent },
      schema: { response: { 200: householdChangedOut }, tags, summary: 'Corriger mon dossier', body: patchSchema },
    },
    async (req) => households.updateHousehold(req.ctx, await households.ownHouseholdId(req.ctx), req.body),
  );

  app.get(
    '/api/dossiers/me/history',
    {
      config: { access: parent },
      schema: { response: { 200: historyOut }, tags, summary: 'Historique des modifications de mon dossier' },
    },
    async (req) => households.history(req.ctx, await households.ownHouseholdId(req.ctx)),
  );

  app.get(
    '/api/dossiers/me/audit',
    {
      config: { access: parent },
      schema: { response: { 200: auditTrailOut }, tags, summary: 'Qui a consulté ou modifié mon dossier' },
    },
    async (req) => rights.householdAudit(req.ctx, await households.ownHouseholdId(req.ctx)),
  );

  app.get(
    '/api/dossiers/me/prefill/:formId',
    {
      config: { access: parent },
      schema: { response: { 200: prefillOut }, tags, summary: "Les champs d'un formulaire, préremplis depuis mon dossier", params: formParams },
    },
    async (req) => prefill(req.ctx, await households.ownHouseholdId(req.ctx), req.params.formId),
  );

  app.get(
    '/api/dossiers/me/droits-input',
    {
      config: { access: parent },
      schema: { response: { 200: droitsInputOut }, tags, summary: 'Mon foyer au format du simulateur de droits', querystring: periodQuery },
    },
    async (req) => {
      const h = await households.readHousehold(req.ctx, await households.ownHouseholdId(req.ctx), 'droits.simulation');
      const period = req.query.period ?? parisDate(req.ctx.now()).slice(0, 7);
      return { input: toDroitsInput(h, period), missing: droitsMissingFields(h) };
    },
  );

  app.post(
    '/api/dossiers/me/documents',
    {
      config: { access: parent },
      schema: { response: { 201: createdSchema }, tags, summary: 'Ajouter un justificatif', body: documentSchema },
    },
    async (req, reply) => reply.status(201).send(await households.addDocument(req.ctx, await households.ownHouseholdId(req.ctx), req.body)),
  );

  app.patch(
    '/api/dossiers/me/documents/:documentId',
    {
      config: { access: parent },
      schema: { response: { 200: okSchema }, tags, summary: 'Modifier un justificatif', params: documentParams, body: documentPatchSchema },
    },
    async (req) => {
      await households.updateDocumentMeta(req.ctx, await households.ownHouseholdId(req.ctx), req.params.documentId, req.body);
      return { ok: true };
    },
  );

  app.delete(
    '/api/dossiers/me/documents/:documentId',
    {
      config: { access: parent },
      schema: { response: { 200: okSchema }, tags, summary: 'Supprimer un justificatif', params: documentParams },
    },
    async (req) => {
      await households.removeDocument(req.ctx, await households.ownHouseholdId(req.ctx), req.params.documentId);
      return { ok: true };
    },
  );

  app.get(
    '/api/dossiers/me/documents/:documentId/file',
    {
      config: { access: parent },
      schema: {
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: binaryBody('Le fichier du justificatif (PDF, JPEG ou PNG)') },
        tags,
        summary: "Télécharger le fichier d'un justificatif",
        params: documentParams,
      },
    },
    async (req, reply) => {
      const f = await households.readDocumentFile(req.ctx, await households.ownHouseholdId(req.ctx), req.params.documentId);
      return reply.type(f.mimeType).header('content-disposition', 'attachment').header('cache-control', 'no-store').send(f.bytes);
    },
  );

  app.get(
    '/api/dossiers/me/consents',
    {
      config: { access: parent },
      schema: { response: { 200: consentsOut }, tags, summary: 'Mes accords de partage' },
    },
    async (req) => consents.listConsents(req.ctx, await households.ownHouseholdId(req.ctx)),
  );

  app.post(
    '/api/dossiers/me/consents',
    {
      config: { access: parent },
      schema: { response: { 201: createdSchema }, tags, summary: 'Donner un accord de partage', body: consentSchema },
    },
    async (req, reply) => reply.status(201).send(await consents.grantConsent(req.ctx, await households.ownHouseholdId(req.ctx), req.body as any)),
  );

  app.post(
    '/api/dossiers/me/consents/:consentId/revoke',
    {
      config: { access: parent },
      schema: { response: { 200: okSchema }, tags, summary: 'Retirer un accord de partage', params: consentParams },
    },
    async (req) => consents.revokeConsent(req.ctx, await households.ownHouseholdId(req.ctx), req.params.consentId),
  );

  app.get(
    '/api/dossiers/me/renewal',
    {
      config: { access: parent },
      schema: { response: { 200: myRenewalOut }, tags, summary: 'Mon renouvellement en cours' },
    },
    async (req) => renewal.myRenewal(req.ctx),
  );

  app.post(
    '/api/dossiers/me/renewal/confirm',
    {
      config: { access: parent },
      schema: { response: { 200: renewalConfirmedOut }, tags, summary: 'Confirmer mon dossier pour cette année, avec mes corrections', body: patchSchema },
    },
    async (req) => renewal.confirmRenewal(req.ctx, req.body),
  );

  app.get(
    '/api/dossiers/me/export.json',
    {
      config: { access: parent },
      schema: { response: { 200: exportOut }, tags, summary: 'Télécharger toutes mes données (JSON) : mon dossier et mon compte, ou mon compte seul' },
    },
    async (req, reply) => {
      const data = await rights.exportMyData(req.ctx);
      return reply
        .header('content-disposition', `attachment; filename="${data.file ? 'mon-dossier' : 'mes-donnees'}-${parisDate(req.ctx.now())}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.get(
    '/api/dossiers/me/export.html',
    {
      config: { access: parent },
      schema: {
        produces: ['text/html'],
        response: { 200: fileBody('Le dossier en page HTML imprimable') },
        tags,
        summary: 'Mon dossier (ou mon compte sans dossier) en page lisible et imprimable',
      },
    },
    async (req, reply) => {
      const data = await rights.exportMyData(req.ctx);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(rights.exportHtml(data, req.ctx.town.neighbourhoods));
    },
  );

  app.post(
    '/api/dossiers/me/erase',
    {
      config: { access: parent },
      schema: {
        response: { 200: erasedOut },
        tags,
        summary: 'Effacer mon dossier et mon compte, ou mon compte sans dossier (sauf ce que la loi oblige à garder)',
        body: z.object({ confirm: z.string().max(50) }).strict(),
      },
    },
    async (req) => {
      if (req.body.confirm.trim().toUpperCase() !== 'EFFACER')
        throw new AppError('dossiers/erase-confirm', { fields: [{ path: 'confirm', message: 'Recopiez le mot EFFACER.' }] });
      const r = await rights.eraseMyData(req.ctx);
      return { erased: true, retained: r.retained };
    },
  );
}
