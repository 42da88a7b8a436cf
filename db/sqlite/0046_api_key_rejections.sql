-- Calls the events API refused, counted per API key (issue 15), so the admin home can show keys whose integration is
-- failing: a bad signature, a replayed or stale timestamp, or a body that is not a valid event batch. Only calls that
-- name an existing, unrevoked key are counted (an unknown key id has no row to count on).
--   RejectedCalls   every refused call since the key was made
--   LastRejectedAt  when the latest was refused
--   LastRejection   why: BadSignature, Replay or InvalidPayload

ALTER TABLE ApiKeys ADD COLUMN RejectedCalls INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ApiKeys ADD COLUMN LastRejectedAt TEXT NULL;
ALTER TABLE ApiKeys ADD COLUMN LastRejection TEXT NULL;
