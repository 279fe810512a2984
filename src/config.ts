/**
 * Configuration from the environment: the only module that reads process.env
 * (through main.ts). Every setting has a default that works on a fresh machine.
 */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  adminUsername: string;
  adminPassword?: string;
  demo: boolean;
  secureCookies: boolean;
  maxUploadBytes: number;
  /** TRUST_PROXY: which proxies may tell the client's address (app.ts); unset, none. */
  trustProxy?: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv, projectDir: string): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const maxUploadMegabytes = Number(env.MAX_UPLOAD_MB ?? 20);
  if (!(maxUploadMegabytes > 0)) throw new ConfigError(`MAX_UPLOAD_MB must be a positive number, got "${env.MAX_UPLOAD_MB}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(projectDir, env.DATA_DIR ?? 'data'),
    adminUsername: env.ADMIN_USERNAME?.trim() || 'admin',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demo: env.DEMO !== '0',
    secureCookies: env.COOKIE_SECURE === '1' || (env.COOKIE_SECURE !== '0' && env.NODE_ENV === 'production'),
    maxUploadBytes: Math.round(maxUploadMegabytes * 1024 * 1024),
    ...(env.TRUST_PROXY?.trim() ? { trustProxy: env.TRUST_PROXY.trim() } : {}),
  };
}
