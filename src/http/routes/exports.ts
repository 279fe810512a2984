/**
 * Data exports for coordinators: every respondent (CSV, XLSX, SPSS syntax,
 * codebook) and the aggregate tables. Readers get the aggregate tables of a
 * published report, with the report (routes/reports.ts).
 * Downloads stream: the response starts before the last row is read.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { Problem } from '../../domain/errors.js';
import type { RespondentFormat } from '../../services/exports.js';
import { exportFileName, exportFileTypes, respondentFormats, writeAggregateTables, writeRespondentExport } from '../../services/exports.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { idParam } from '../parse.js';

const formatSchema = z.enum(respondentFormats);

function startDownload(res: Response, fileName: string, format: RespondentFormat | 'tables'): void {
  res.type(exportFileTypes[format].contentType).attachment(fileName);
}

export function exportRoutes(deps: AppDeps): Router {
  const { db, instruments } = deps;
  // The export files are in Dutch, whatever the interface language: their columns and labels are the codebook's.
  const definitions = deps.definitions.nl;
  const router = Router();

  router.get('/studies/:id/exports', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const studyInstruments = study.instruments.flatMap((choice) => instruments.get(choice.instrumentId, choice.version) ?? []);
    res.render('studies/exports', { title: getContext(res).t('exports.title'), study, instruments: studyInstruments.map((instrument) => ({ id: instrument.id, title: instrument.title[getContext(res).locale], version: instrument.version })) });
  });

  router.get('/studies/:id/exports/tables.csv', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    startDownload(res, exportFileName(study.id, definitions.exportWording.files.allUnits, 'tables', definitions.exportWording), 'tables');
    await writeAggregateTables(db, instruments, definitions.exportWording, user, study, res);
  });

  router.get('/studies/:id/exports/:instrumentId/:format', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const choice = study.instruments.find((candidate) => candidate.instrumentId === req.params.instrumentId);
    const format = formatSchema.safeParse(req.params.format);
    const instrument = choice && instruments.get(choice.instrumentId, choice.version);
    if (!instrument || !format.success) throw new Problem('notFound', { entity: 'page' });
    startDownload(res, exportFileName(study.id, instrument.id, format.data, definitions.exportWording), format.data);
    await writeRespondentExport(db, definitions.exportWording, user, study, instrument, format.data, res);
  });

  return router;
}
