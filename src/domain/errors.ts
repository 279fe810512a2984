/**
 * The one catalogue of things that can go wrong for a user of Buurtladder.
 *
 * Every layer throws a `Problem` with a code from this catalogue and a details
 * object. The HTTP layer (src/http/error-handler.ts) is the only place that
 * turns a code into a status and a page or JSON body; the wording lives in the
 * locale files under `errors.<code>`, so this file holds no user-facing text.
 */

/** A field that failed validation; `reason` is a key under `fieldErrors.` in the locale files. */
export interface FieldError {
  field: string;
  reason: string;
}

/** One rejected line of an uploaded file; `reason` is a key under `csvErrors.`. */
export interface LineError {
  line: number;
  reason: string;
  value?: string;
}

export const problemCatalogue = {
  invalidInput: { status: 400 },
  malformedRequest: { status: 400 },
  notLoggedIn: { status: 401 },
  loginFailed: { status: 401 },
  forbidden: { status: 403 },
  csrfMismatch: { status: 403 },
  notFound: { status: 404 },
  conflict: { status: 409 },
  /** A new version would let readers of both versions work out a few residents' answers (version-differencing.ts). */
  publicationDifferencing: { status: 409 },
  fileTooLarge: { status: 413 },
  batchTooLarge: { status: 413 },
  csvRejected: { status: 422 },
  tooManyRequests: { status: 429 },
  internal: { status: 500 },
  /** The server's disk is full: nothing was stored, and a tablet keeps what it sent. */
  storageFull: { status: 507 },
} as const satisfies Record<string, { status: number }>;

export type ProblemCode = keyof typeof problemCatalogue;

export interface ProblemDetails {
  fields?: FieldError[];
  lines?: LineError[];
  /** What was not found or conflicts, e.g. 'study' (a key under `entities.`). */
  entity?: string;
  /** A free parameter for the message template, e.g. the maximum file size. */
  limit?: string;
  /** What the problem is about, by its own name (a street, a neighbourhood, a study). */
  subject?: string;
}

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly details: ProblemDetails;

  constructor(code: ProblemCode, details: ProblemDetails = {}) {
    super(code);
    this.name = 'Problem';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return problemCatalogue[this.code].status;
  }
}

/** Returns the value, or throws notFound for the named entity when it is missing. */
export function getOrNotFound<T>(value: T | undefined | null, entity: string): T {
  if (value === undefined || value === null) throw new Problem('notFound', { entity });
  return value;
}
