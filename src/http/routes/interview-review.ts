/**
 * The review of completed interviews: the queue, one interview, a decision
 * on it, and approving every new interview without a flag at once. Every
 * decision goes to the audit log in the same transaction.
 */
import { Router } from 'express';
import { z } from 'zod';
import { Problem } from '../../domain/errors.js';
import { clientIdSchema } from '../../domain/sync-record.js';
import { parseOrThrow } from '../../domain/validation.js';
import { flaggedInterviews } from '../../services/interview-review.js';
import { auditedChange } from '../../storage/audit-log.js';
import { findReviewableInterview, listReviews, recordReview } from '../../storage/interview-review.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { idParam } from '../parse.js';
import { interviewDetailView, reviewQueueView } from '../view-models/interview-review.js';

// A reason for a rejection and a comment for a return are required: the interviewer and the audit need them.
const decisionSchema = z.object({
  decision: z.enum(['approved', 'returned', 'rejected'], { message: 'required' }),
  note: z.string().trim().max(2000, 'tooLong').default(''),
}).refine((review) => review.decision === 'approved' || review.note.length > 0, { path: ['note'], message: 'required' });

export function interviewReviewRoutes({ db, instruments }: AppDeps): Router {
  const router = Router();

  router.get('/studies/:id/interviews', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const { t, locale } = getContext(res);
    res.render('studies/interviews', { title: t('review.title'), study, queue: reviewQueueView(await flaggedInterviews(db, study, instruments), instruments, t, locale) });
  });

  router.get('/studies/:id/interviews/:interviewId', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const interviewId = parseOrThrow(clientIdSchema, req.params.interviewId);
    const interview = await findReviewableInterview(db, study.id, interviewId);
    if (!interview) throw new Problem('notFound', { entity: 'interview' });
    const flags = (await flaggedInterviews(db, study, instruments)).find((candidate) => candidate.id === interviewId)?.flags ?? [];
    const { t, locale } = getContext(res);
    res.render('studies/interview', {
      title: t('review.interviewTitle'), study, interview: interviewDetailView(interview, flags, await listReviews(db, study.id, interviewId), instruments, t, locale),
    });
  });

  router.post('/studies/:id/interviews/:interviewId/review', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const interviewId = parseOrThrow(clientIdSchema, req.params.interviewId);
    const review = parseOrThrow(decisionSchema, req.body);
    const changed = await auditedChange(db, (tx) => recordReview(tx, { studyId: study.id, interviewIds: [interviewId], state: review.decision, note: review.note, reviewerId: user.id }),
      (count) => (count > 0 ? { actor: user, action: 'interview.reviewed', studyId: study.id, subject: interviewId, detail: review.decision } : undefined));
    if (changed === 0) throw new Problem('notFound', { entity: 'interview' });
    res.redirect(303, `/studies/${study.id}/interviews`);
  });

  router.post('/studies/:id/interviews/approve-unflagged', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const ids = (await flaggedInterviews(db, study, instruments)).filter((interview) => interview.state === 'new' && interview.flags.length === 0).map((interview) => interview.id);
    await auditedChange(db, (tx) => recordReview(tx, { studyId: study.id, interviewIds: ids, state: 'approved', note: '', reviewerId: user.id }),
      (count) => (count > 0 ? { actor: user, action: 'interview.reviewed', studyId: study.id, subject: 'unflagged', detail: `approved ${count}` } : undefined));
    res.redirect(303, `/studies/${study.id}/interviews`);
  });

  return router;
}
