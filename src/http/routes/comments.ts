/**
 * The review of residents' comments. A coordinator sees each comment with the
 * passages that may identify someone highlighted, a suggested redaction to
 * edit, and approves (the edited text is what reports show) or rejects it.
 */
import { Router } from 'express';
import { z } from 'zod';
import { findPersonalDetails, redact, segmentComment } from '../../domain/comment-review.js';
import { Problem } from '../../domain/errors.js';
import { clientIdSchema } from '../../domain/sync-record.js';
import { parseOrThrow } from '../../domain/validation.js';
import { auditedChange } from '../../storage/audit-log.js';
import { listComments, reviewComment } from '../../storage/comments.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { idParam } from '../parse.js';

const reviewSchema = z.object({
  interviewId: clientIdSchema,
  itemId: z.string().min(1, 'required').max(64, 'tooLong'),
  decision: z.enum(['approve', 'reject'], { message: 'required' }),
  reviewedBody: z.string().trim().max(4000, 'tooLong').default(''),
}).refine((review) => review.decision === 'reject' || review.reviewedBody.length > 0, { path: ['reviewedBody'], message: 'required' });

export function commentRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/studies/:id/comments', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const comments = (await listComments(db, study.id)).map((comment) => ({
      ...comment, segments: segmentComment(comment.body), flagged: findPersonalDetails(comment.body).length,
      suggestion: comment.reviewedBody ?? redact(comment.body),
    }));
    res.render('studies/comments', {
      title: getContext(res).t('comments.title'), study, comments, pending: comments.filter((comment) => comment.status === 'pending').length,
    });
  });

  router.post('/studies/:id/comments', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const review = parseOrThrow(reviewSchema, req.body);
    const approved = review.decision === 'approve';
    const found = await auditedChange(db, (tx) => reviewComment(tx, {
      studyId: study.id, interviewId: review.interviewId, itemId: review.itemId,
      status: approved ? 'approved' : 'rejected', reviewedBody: approved ? review.reviewedBody : null, reviewerId: user.id,
    }), (changed) => (changed ? { actor: user, action: 'comment.reviewed', studyId: study.id, subject: review.interviewId, detail: approved ? 'approved' : 'rejected' } : undefined));
    if (!found) throw new Problem('notFound', { entity: 'comment' });
    res.redirect(303, `/studies/${study.id}/comments`);
  });

  return router;
}
