-- Work a worker claims is leased to it (issue 17.7): it renews the lease while it works, and a worker that starts
-- (or finds the lease run out) reclaims work whose owner is gone instead of waiting a fixed ten minutes.
-- ClaimedBy names the worker (machine/process/instance); Attempts counts the claims, so a file that kills its
-- worker every time fails instead of being retried for ever.
ALTER TABLE RosterImports ADD COLUMN ClaimedBy TEXT NULL;
ALTER TABLE RosterImports ADD COLUMN LeaseUntil TEXT NULL;
ALTER TABLE RosterImports ADD COLUMN Attempts INTEGER NOT NULL DEFAULT 0 CHECK (Attempts >= 0);
