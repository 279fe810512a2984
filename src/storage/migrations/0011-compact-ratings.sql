-- Compact ratings (issue 21): beside each interview's answer document, which
-- stays the source of truth, its answers in the respondent table's layout,
-- one byte per rating after a 4-byte layout fingerprint
-- (src/domain/analysis/compact-ratings.ts). Written with the interview at
-- sync; interviews stored before have NULL here until the back-fill at
-- start-up (storage/interviews.ts, backfillCompactRatings) writes theirs, and
-- the analysis reads the document wherever it is still NULL.
ALTER TABLE interviews ADD COLUMN ratings BLOB;
