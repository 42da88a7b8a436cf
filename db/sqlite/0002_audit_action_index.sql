-- The audit-log browser filters by action on its own (e.g. every "Disabled" or "PasswordReset");
-- without this index a rare action means reading the whole log, newest to oldest.
CREATE INDEX IX_AuditLog_Action ON AuditLog (Action, Id);
