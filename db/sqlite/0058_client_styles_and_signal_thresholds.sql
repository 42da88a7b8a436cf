-- A client may use several CS styles (issue 12: seed 004 pairs β with γ). CsStyles holds the set, one bit per style
-- (1 consulting α, 2 project management β, 4 task management γ, 8 required action δ; CsStyleSet.cs): the set is saved
-- with the client's row under its version, and the list filters it with one test of the column. The form asks for at
-- least one style; 0 stays possible for rows loaded without one. Each client keeps the single style it had.
ALTER TABLE Clients ADD COLUMN CsStyles INTEGER NOT NULL DEFAULT 0 CHECK (CsStyles BETWEEN 0 AND 15);
UPDATE Clients SET CsStyles = CASE CsStyle
    WHEN 'Consulting' THEN 1
    WHEN 'ProjectManagement' THEN 2
    WHEN 'TaskManagement' THEN 4
    WHEN 'RequiredAction' THEN 8
END;
ALTER TABLE Clients DROP COLUMN CsStyle;

-- The thresholds of the client signals job (ClientSignalRules), which Admin edits at /clients/signal-thresholds: one
-- row (Id 1), seeded with the values the rules had as constants. Health below the segment's threshold opens an action
-- (Enterprise is raised earlier than SMB); a contract with SeatsNearlyUsedPercent of its seats planned is an
-- expansion chance; a cohort slice enrolled under UnderEnrolledBelowPercent of its seats is under-enrolled; a final
-- report not issued ReportDueDaysAfterEnd days after the program's end is due.
CREATE TABLE ClientSignalThresholds (
    Id                          INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
    HealthBelowEnterprise       INTEGER NOT NULL CHECK (HealthBelowEnterprise BETWEEN 1 AND 100),
    HealthBelowSmb              INTEGER NOT NULL CHECK (HealthBelowSmb BETWEEN 1 AND 100),
    SeatsNearlyUsedPercent      INTEGER NOT NULL CHECK (SeatsNearlyUsedPercent BETWEEN 1 AND 100),
    UnderEnrolledBelowPercent   INTEGER NOT NULL CHECK (UnderEnrolledBelowPercent BETWEEN 1 AND 100),
    ReportDueDaysAfterEnd       INTEGER NOT NULL CHECK (ReportDueDaysAfterEnd BETWEEN 1 AND 365),
    Version                     INTEGER NOT NULL DEFAULT 1,
    UpdatedAt                   TEXT    NOT NULL,
    UpdatedBy                   TEXT    NOT NULL
);
INSERT INTO ClientSignalThresholds (Id, HealthBelowEnterprise, HealthBelowSmb, SeatsNearlyUsedPercent, UnderEnrolledBelowPercent,
                                    ReportDueDaysAfterEnd, Version, UpdatedAt, UpdatedBy)
VALUES (1, 60, 50, 90, 80, 21, 1, '2026-12-01T00:00:00.0000000+00:00', 'migration');
