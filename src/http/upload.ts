/**
 * Reading an uploaded file (multipart/form-data). Only routes that take a
 * file read one, and only after the login and role checks before them: a
 * request nobody may make is answered without its body being read. The body
 * is held in memory up to MAX_UPLOAD_MB; anything wrong with it (too large,
 * too many parts, cut off, malformed) is the sender's problem, a 4xx.
 *
 * A multipart form carries its CSRF token in the query string (`?_csrf=`),
 * since its body is not read before csrf.ts checks it.
 */
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Problem } from '../domain/errors.js';

export type FileReader = (req: Request, res: Response) => Promise<Express.Multer.File | undefined>;

/** A reader for the form's one file (field `file`); a route calls it once it knows the request may be made. */
export function fileUpload(maxBytes: number): FileReader {
  const read = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 21, fieldSize: 64 * 1024 } }).single('file');
  return (req, res) => new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) return resolve(undefined);
    read(req, res, (error?: unknown) => {
      if (error === undefined || error === null) return resolve(req.file);
      reject(error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE' ? new Problem('fileTooLarge') : new Problem('malformedRequest'));
    });
  });
}
