/**
 * Builds the Express application from its dependencies and never listens:
 * src/main.ts does that, and tests build an app on an in-memory database in
 * one line. This file glues middleware, routers and the error handler
 * together, in the order they run.
 */
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { formatDayOf } from '../i18n/dates.js';
import { isLocale } from '../i18n/translate.js';
import { reportRoutes } from './routes/reports.js';
import type { AppDeps, RouteDeps } from './deps.js';
import { getContext, setContext } from './context.js';
import { languageCookieName, readCookie } from './cookies.js';
import { verifyCsrf } from './csrf.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { accountRoutes } from './routes/accounts.js';
import { addressFrameRoutes } from './routes/address-frame.js';
import { analysisRoutes } from './routes/analysis.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { commentRoutes } from './routes/comments.js';
import { interviewReviewRoutes } from './routes/interview-review.js';
import { exportRoutes } from './routes/exports.js';
import { fieldworkRoutes, syncPath } from './routes/fieldwork.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { memberRoutes } from './routes/members.js';
import { monitoringRoutes } from './routes/monitoring.js';
import { purgeRoutes } from './routes/purge.js';
import { studyRoutes } from './routes/studies.js';
import { walkListRoutes } from './routes/walk-list.js';
import { LoginThrottle } from './login-throttle.js';
import { loadSession } from './session.js';

export type { AppConfig, AppDeps, RouteDeps } from './deps.js';

export function createApp(appDeps: AppDeps): Express {
  const deps: RouteDeps = { ...appDeps, loginThrottle: appDeps.loginThrottle ?? new LoginThrottle() };
  const app = express();
  const log = deps.log ?? ((message, error) => console.error(message, error));
  app.disable('x-powered-by');
  if (deps.config.trustProxy !== undefined) app.set('trust proxy', /^\d+$/.test(deps.config.trustProxy) ? Number(deps.config.trustProxy) : deps.config.trustProxy);
  app.set('views', path.join(deps.projectDir, 'views'));
  app.set('view engine', 'ejs');

  app.use(helmet({
    // Browsers then send the Origin of same-site form posts, which the CSRF check reads (csrf.ts).
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"], baseUri: ["'self'"],
        // Only behind https: on a plain-http LAN address it would make the browser drop the stylesheet.
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
  }));
  // Tablets on poor mobile data: every text answer goes gzipped.
  app.use(compression());
  app.use('/static', express.static(path.join(deps.projectDir, 'public'), { maxAge: '1h' }));

  app.use((req, res, next) => {
    const cookieLocale = readCookie(req, languageCookieName);
    const locale = isLocale(cookieLocale) ? cookieLocale : 'nl';
    setContext(res, { locale, t: deps.translations.for(locale) });
    next();
  });
  // Every page and answer below names people, addresses or answers, or is a form with a token:
  // no browser or proxy keeps a copy (a route may say otherwise, as the field app's shell does).
  app.use((_req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });
  app.use(loadSession(deps.db));
  app.use((req, res, next) => {
    const context = getContext(res);
    if (context.user && !isLocale(readCookie(req, languageCookieName)) && context.user.locale !== context.locale) {
      context.locale = context.user.locale;
      context.t = deps.translations.for(context.locale);
    }
    // `day` writes a stored moment as its Amsterdam date in the user's language, for every view.
    const locale = context.locale;
    Object.assign(res.locals, { t: context.t, locale, day: (moment: string) => formatDayOf(moment, locale), user: context.user, csrfToken: context.csrfToken, currentPath: req.path });
    next();
  });

  // A sync batch reaches its route as text: it is parsed on the sync inspector's thread
  // (services/sync-inspector.ts). A body read here is not read again by the parsers below.
  app.use(syncPath, express.text({ type: 'application/json', limit: '2mb' }));
  app.use(express.json({ limit: '2mb' }));
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }));
  app.use(verifyCsrf);

  app.use(authRoutes(deps));
  app.use(accountRoutes(deps));
  app.use(studyRoutes(deps));
  app.use(memberRoutes(deps));
  app.use(addressFrameRoutes(deps));
  app.use(walkListRoutes(deps));
  app.use(fieldworkRoutes(deps));
  app.use(monitoringRoutes(deps));
  app.use(analysisRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(commentRoutes(deps));
  app.use(interviewReviewRoutes(deps));
  app.use(exportRoutes(deps));
  app.use(followUpRoutes(deps));
  app.use(purgeRoutes(deps));
  app.use(auditRoutes(deps));

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
