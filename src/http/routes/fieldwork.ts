/**
 * The interviewer's offline field app (public/field/) and what it talks to:
 * the app shell, its service worker, the day's bundle and the sync endpoint.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { buildFieldworkBundle } from '../../services/fieldwork-bundle.js';
import { createSyncService } from '../../services/sync.js';
import { allow, allowAnyone } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';

/** The files the service worker keeps on the device, and a version that changes whenever one of them does. */
function fieldAppFiles(projectDir: string) {
  const fieldDir = path.join(projectDir, 'public', 'field');
  const assets = readdirSync(fieldDir).filter((name) => name !== 'sw.js').sort();
  const hash = createHash('sha256');
  for (const name of assets) hash.update(name).update(readFileSync(path.join(fieldDir, name)));
  hash.update(readFileSync(path.join(projectDir, 'public', 'app.css')));
  hash.update(readFileSync(path.join(projectDir, 'views', 'field.ejs')));
  const version = hash.digest('hex').slice(0, 12);
  const shell = ['/field/', '/field/manifest.webmanifest', ...assets.map((name) => `/field/${name}`), '/static/app.css', '/static/favicon.svg'];
  const serviceWorker = readFileSync(path.join(fieldDir, 'sw.js'), 'utf8')
    .replace('__VERSION__', version).replace('__SHELL__', JSON.stringify(shell));
  return { fieldDir, version, serviceWorker };
}

/** Where tablets send their outbox. */
export const syncPath = '/api/sync';

export function fieldworkRoutes({ db, instruments, translations, projectDir }: AppDeps): Router {
  const router = Router();
  const { fieldDir, version, serviceWorker } = fieldAppFiles(projectDir);
  const sync = createSyncService(db, instruments);

  router.get('/field/sw.js', allowAnyone, (_req, res) => {
    res.set('Cache-Control', 'no-cache').set('Service-Worker-Allowed', '/field/').type('js').send(serviceWorker);
  });
  // The app's own scripts and styles: public like /static, and holding no data.
  router.use('/field', allowAnyone, express.static(fieldDir, { index: false, redirect: false, maxAge: 0 }));

  router.get('/field/', allow('interviewer'), (_req, res) => {
    const { t, locale } = getContext(res);
    res.set('Cache-Control', 'no-cache');
    res.render('field', {
      title: t('field.title'), appVersion: version,
      strings: { field: translations.section(locale, 'field'), syncErrors: translations.section(locale, 'syncErrors') },
    });
  });
  router.get('/field/manifest.webmanifest', allowAnyone, (_req, res) => {
    const { t, locale } = getContext(res);
    res.type('application/manifest+json').json({
      name: `Buurtladder · ${t('field.title')}`, short_name: 'Buurtladder', lang: locale, start_url: '/field/', scope: '/field/',
      display: 'standalone', background_color: '#f3f5f7', theme_color: '#084582',
      icons: [{ src: '/static/favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
    });
  });
  router.get('/field', allow('interviewer'), (_req, res) => res.redirect(301, '/field/'));

  router.get('/api/fieldwork', allow('interviewer'), async (_req, res) => {
    const { csrfToken = '' } = getContext(res);
    res.json(await buildFieldworkBundle(db, instruments, requireUser(res), csrfToken));
  });

  router.post(syncPath, allow('interviewer'), async (req, res) => {
    res.json(await sync.syncBatch(requireUser(res), req.body));
  });

  return router;
}
