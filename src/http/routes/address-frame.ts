/** Importing a study's address frame from a CSV file or an Excel workbook; the empty template to start from. */
import { Router } from 'express';
import { frameTemplateHeader } from '../../domain/address-frame.js';
import { Problem } from '../../domain/errors.js';
import { importAddressFrame } from '../../services/import-address-frame.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { describeProblem } from '../error-handler.js';
import { frameCounts } from '../i18n-counts.js';
import { idParam } from '../parse.js';
import { fileUpload } from '../upload.js';

/** How many rejected lines the page lists; the count says how many more there are. */
const linesShown = 200;

export function addressFrameRoutes({ db, config }: AppDeps): Router {
  const router = Router();
  const maxMegabytes = String(Math.round(config.maxUploadBytes / 1024 / 1024));
  const readFile = fileUpload(config.maxUploadBytes);

  router.get('/studies/:id/addresses/import', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    res.render('studies/import', { title: getContext(res).t('import.title'), study, maxMegabytes, problem: undefined, summary: undefined, ignored: undefined });
  });

  // An empty file with the column names, separated as Dutch Excel saves them, to fill in and upload.
  router.get('/studies/:id/addresses/template.csv', allow('coordinator'), async (req, res) => {
    await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    res.attachment('adressen-sjabloon.csv').type('text/csv; charset=utf-8').send(`\uFEFF${frameTemplateHeader.join(';')}\r\n`);
  });

  router.post('/studies/:id/addresses/import', allow('coordinator'), async (req, res) => {
    const { t } = getContext(res);
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    // The file is read only now that the user may import into this study.
    const file = await readFile(req, res);
    try {
      if (study.purgedAt !== null) throw new Problem('invalidInput', { fields: [{ field: 'file', reason: 'studyPurged' }] });
      if (!file) throw new Problem('invalidInput', { fields: [{ field: 'file', reason: 'chooseFile' }] });
      const summary = await importAddressFrame(db, study.id, file.buffer, requireUser(res));
      if (req.accepts(['html', 'json']) === 'json') return res.json({ imported: summary });
      res.render('studies/import', {
        title: t('import.title'), study, maxMegabytes, problem: undefined, summary: t('import.done', frameCounts(t, summary)),
        ignored: summary.ignoredColumns.length > 0 ? t('import.ignoredColumns', { columns: summary.ignoredColumns.join(', ') }) : undefined,
      });
    } catch (error) {
      if (!(error instanceof Problem) || !['csvRejected', 'invalidInput'].includes(error.code)) throw error;
      if (req.accepts(['html', 'json']) === 'json') throw error;
      const problem = describeProblem(error, t);
      res.status(error.status).render('studies/import', {
        title: t('import.title'), study, maxMegabytes, summary: undefined, ignored: undefined,
        problem: { ...problem, lines: problem.lines.slice(0, linesShown), moreLines: Math.max(0, problem.lines.length - linesShown) },
      });
    }
  });

  return router;
}
