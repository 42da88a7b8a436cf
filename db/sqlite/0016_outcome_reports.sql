-- Client outcome reports (issue 11).
-- 1. What the contract says about the report: the eligible population (対象者数, with the date the client gave it) and
--    pay-for-results fees. Owned by Features/Clients/Contracts like the rest of the contract.
-- 2. The read model for reporting: Reporting* views over other features' tables. Report SQL reads only these views
--    and the report's own tables. Personal fields (name, kana, e-mail, employee number, invitation code, department
--    name, birth year) are not in any view, so no report query can reach them.
--    Program weeks are counted from the cohort's start day in Japan time (+09:00, no daylight saving), the time zone
--    every program here runs in: week 1 is days 0–6; 0 means before the start.
-- 3. The report feature's own tables: per-client settings, issued versions (frozen figures and documents, with the
--    population they counted for the differencing guard) and staff-picked quotes.

ALTER TABLE Contracts ADD COLUMN EligiblePopulation INTEGER NULL CHECK (EligiblePopulation > 0);
ALTER TABLE Contracts ADD COLUMN EligiblePopulationAsOf TEXT NULL;
ALTER TABLE Contracts ADD COLUMN FeePerIttSuccessJpy INTEGER NULL CHECK (FeePerIttSuccessJpy >= 0);
ALTER TABLE Contracts ADD COLUMN FeePerVerifiedSuccessJpy INTEGER NULL CHECK (FeePerVerifiedSuccessJpy >= 0);
ALTER TABLE Contracts ADD COLUMN FeePerCompleterJpy INTEGER NULL CHECK (FeePerCompleterJpy >= 0);

-- Check-ins, final answers and satisfaction answers of one participant, read by event type.
CREATE INDEX IX_ParticipantEvents_TypeParticipant ON ParticipantEvents (EventType, ParticipantId, OccurredAt);
CREATE INDEX IX_Participants_CohortClient ON Participants (CohortId, ClientId, State);

CREATE VIEW ReportingParticipants AS
SELECT p.Id, p.CohortId, p.ClientId, p.ContractId, p.TeamId, p.State, p.Outcome,
       CASE WHEN p.State IN ('Invited', 'Declined', 'InvitationExpired') THEN 0
            WHEN p.State = 'Withdrawn' AND x.FromState = 'Invited' THEN 0
            ELSE 1 END AS Enrolled,
       x.FromState AS ExitedFrom,
       CASE WHEN date(p.StateChangedAt, '+9 hours') < c.StartDate THEN 0
            ELSE CAST(julianday(date(p.StateChangedAt, '+9 hours')) - julianday(c.StartDate) AS INTEGER) / 7 + 1 END AS StateChangedWeek,
       CASE WHEN p.LastCheckInOn IS NULL THEN NULL
            WHEN p.LastCheckInOn < c.StartDate THEN 0
            ELSE CAST(julianday(p.LastCheckInOn) - julianday(c.StartDate) AS INTEGER) / 7 + 1 END AS LastCheckInWeek,
       CASE WHEN p.BirthYear IS NULL THEN NULL ELSE (CAST(substr(c.StartDate, 1, 4) AS INTEGER) - p.BirthYear) / 10 * 10 END AS AgeBand,
       CASE WHEN p.Department IS NULL OR p.Department = '' THEN 0 ELSE 1 END AS HasDepartment
FROM Participants p
JOIN Cohorts c ON c.Id = p.CohortId
LEFT JOIN ParticipantTransitions x
       ON p.State IN ('DroppedOut', 'Withdrawn')
      AND x.Id = (SELECT MAX(t.Id) FROM ParticipantTransitions t WHERE t.ParticipantId = p.Id);

CREATE VIEW ReportingCheckIns AS
SELECT e.ParticipantId, p.CohortId, p.ClientId, p.TeamId,
       CASE WHEN date(e.OccurredAt, '+9 hours') < c.StartDate THEN 0
            ELSE CAST(julianday(date(e.OccurredAt, '+9 hours')) - julianday(c.StartDate) AS INTEGER) / 7 + 1 END AS ProgramWeek
FROM ParticipantEvents e
JOIN Participants p ON p.Id = e.ParticipantId
JOIN Cohorts c ON c.Id = p.CohortId
WHERE e.EventType = 'check_in';

-- What participants wrote, without who wrote it: the source staff pick anonymous quotes from.
CREATE VIEW ReportingQuoteSources AS
SELECT 'CheckInNote' AS Source, e.Id AS SourceId, p.CohortId, p.ClientId, e.OccurredAt, json_extract(e.Payload, '$.note') AS Text
FROM ParticipantEvents e
JOIN Participants p ON p.Id = e.ParticipantId
WHERE e.EventType = 'check_in' AND json_extract(e.Payload, '$.note') IS NOT NULL AND trim(json_extract(e.Payload, '$.note')) <> ''
UNION ALL
SELECT 'Feedback' AS Source, f.Id AS SourceId, f.CohortId, f.ClientId, f.CreatedAt AS OccurredAt, f.Description AS Text
FROM FeedbackItems f
WHERE f.Source = 'ParticipantApp' AND f.CohortId IS NOT NULL AND f.ClientId IS NOT NULL;

-- A participant's final assessment completes them, and the lifecycle refuses a second one: at most one per participant.
CREATE VIEW ReportingFinalAssessments AS
SELECT e.ParticipantId,
       CAST(json_extract(e.Payload, '$.abstinentDays') AS INTEGER) AS AbstinentDays,
       CAST(json_extract(e.Payload, '$.coPpm') AS REAL) AS CoPpm,
       CAST(json_extract(e.Payload, '$.weightChangeKg') AS REAL) AS WeightChangeKg,
       CAST(json_extract(e.Payload, '$.waistChangeCm') AS REAL) AS WaistChangeCm
FROM ParticipantEvents e
WHERE e.EventType = 'final_assessment';

-- Each participant's latest answer to the satisfaction question.
CREATE VIEW ReportingSatisfaction AS
SELECT e.ParticipantId, CAST(json_extract(e.Payload, '$.score') AS INTEGER) AS Score
FROM ParticipantEvents e
WHERE e.EventType = 'satisfaction'
  AND e.Id = (SELECT MAX(l.Id) FROM ParticipantEvents l WHERE l.EventType = 'satisfaction' AND l.ParticipantId = e.ParticipantId);

CREATE VIEW ReportingCohorts AS
SELECT c.Id, c.Name, c.Status, c.StartDate, c.EnrolmentOpens, c.EnrolmentCloses, c.ProgramVersionId,
       v.ProgramId, v.VersionNumber, pr.Code AS ProgramCode, v.Definition
FROM Cohorts c
JOIN ProgramVersions v ON v.Id = c.ProgramVersionId
JOIN Programs pr ON pr.Id = v.ProgramId;

CREATE VIEW ReportingCohortContracts AS
SELECT cc.CohortId, cc.ContractId, k.ClientId, cc.Capacity
FROM CohortContracts cc
JOIN Contracts k ON k.Id = cc.ContractId;

CREATE VIEW ReportingContracts AS
SELECT k.Id, k.ClientId, k.ProgramName, k.Seats, k.PricePerSeatJpy, k.StartDate, k.EndDate, k.Status,
       k.EligiblePopulation, k.EligiblePopulationAsOf, k.FeePerIttSuccessJpy, k.FeePerVerifiedSuccessJpy, k.FeePerCompleterJpy
FROM Contracts k;

CREATE VIEW ReportingClients AS
SELECT c.Id, c.Name, c.Kind, c.Segment, c.EligiblePopulation
FROM Clients c;

-- The client's key persons a report is issued to (business contacts of the client, not participants).
CREATE VIEW ReportingKeyPersons AS
SELECT kp.Id, kp.ClientId, kp.Name, kp.Title, kp.Role
FROM KeyPersons kp;

CREATE TABLE ReportSettings (
    ClientId                          INTEGER NOT NULL PRIMARY KEY REFERENCES Clients (Id),
    K                                 INTEGER NOT NULL CHECK (K >= 3),
    MedicalCostPerSmokerYearJpy       INTEGER NOT NULL CHECK (MedicalCostPerSmokerYearJpy >= 0),
    LostProductivityPerSmokerYearJpy  INTEGER NOT NULL CHECK (LostProductivityPerSmokerYearJpy >= 0),
    Version                           INTEGER NOT NULL DEFAULT 1,
    UpdatedAt                         TEXT    NOT NULL,
    UpdatedBy                         TEXT    NOT NULL
);

CREATE TABLE ReportVersions (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId       INTEGER NOT NULL REFERENCES Cohorts (Id),
    ClientId       INTEGER NOT NULL REFERENCES Clients (Id),
    VersionNumber  INTEGER NOT NULL CHECK (VersionNumber > 0),
    Kind           TEXT    NOT NULL CHECK (Kind IN ('Interim', 'Final')),
    Language       TEXT    NOT NULL CHECK (Language IN ('ja', 'en')),
    K              INTEGER NOT NULL CHECK (K >= 3),
    PopulationSize INTEGER NOT NULL CHECK (PopulationSize >= 0),
    Recipients     TEXT    NOT NULL,
    Figures        TEXT    NOT NULL,
    Html           TEXT    NOT NULL,
    Workbook       BLOB    NOT NULL,
    Csv            TEXT    NOT NULL,
    Pdf            BLOB    NULL,
    IssuedAt       TEXT    NOT NULL,
    IssuedById     INTEGER NULL REFERENCES Users (Id),
    IssuedBy       TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_ReportVersions_Number ON ReportVersions (CohortId, ClientId, VersionNumber);
CREATE INDEX IX_ReportVersions_Client ON ReportVersions (ClientId, Id);

-- Who an issued report counted, kept only to refuse a later report a few people away from it (differencing).
CREATE TABLE ReportPopulations (
    ReportVersionId  INTEGER NOT NULL REFERENCES ReportVersions (Id),
    ParticipantId    INTEGER NOT NULL,
    PRIMARY KEY (ReportVersionId, ParticipantId)
);

CREATE TABLE ReportQuotes (
    Id         INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId   INTEGER NOT NULL REFERENCES Cohorts (Id),
    ClientId   INTEGER NOT NULL REFERENCES Clients (Id),
    Source     TEXT    NOT NULL CHECK (Source IN ('CheckInNote', 'Feedback')),
    SourceId   INTEGER NOT NULL,
    Text       TEXT    NOT NULL,
    PickedAt   TEXT    NOT NULL,
    PickedBy   TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_ReportQuotes_Source ON ReportQuotes (CohortId, ClientId, Source, SourceId);
