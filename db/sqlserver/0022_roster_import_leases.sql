-- Work a worker claims is leased to it (issue 17.7): it renews the lease while it works, and a worker that starts
-- (or finds the lease run out) reclaims work whose owner is gone instead of waiting a fixed ten minutes.
-- ClaimedBy names the worker (machine/process/instance); Attempts counts the claims, so a file that kills its
-- worker every time fails instead of being retried for ever.
ALTER TABLE RosterImports ADD
    ClaimedBy  NVARCHAR(200)  NULL,
    LeaseUntil DATETIMEOFFSET NULL,
    Attempts   INT NOT NULL CONSTRAINT DF_RosterImports_Attempts DEFAULT 0
               CONSTRAINT CK_RosterImports_Attempts CHECK (Attempts >= 0);
