/**
 * What the HTTP layer is built from: the composition root (main.ts) and the
 * tests pass these to createApp, which hands them to every route module. Kept
 * apart from app.ts so that the routes need not import the app that imports them.
 */
import type { ReportLanguages } from '../report-definitions/load-report-definitions.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import type { Translations } from '../i18n/translate.js';
import type { Database } from '../storage/db.js';
import type { Logger } from './error-handler.js';
import type { LoginThrottle } from './login-throttle.js';

export interface AppConfig {
  secureCookies: boolean;
  /** Largest accepted upload (an address frame CSV), in bytes. */
  maxUploadBytes: number;
  /** Where published reports are written. */
  dataDir: string;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), as
   * Express's "trust proxy" reads it: a number of hops ("1") or addresses and
   * subnets ("loopback", "10.0.0.0/8"). Unset: the header is ignored.
   */
  trustProxy?: string;
}

export interface AppDeps {
  db: Database;
  instruments: InstrumentRegistry;
  definitions: ReportLanguages;
  translations: Translations;
  config: AppConfig;
  projectDir: string;
  log?: Logger;
  /** Shared by the login and the admin's account pages; made here when not given. */
  loginThrottle?: LoginThrottle;
}

export type RouteDeps = AppDeps & { loginThrottle: LoginThrottle };
