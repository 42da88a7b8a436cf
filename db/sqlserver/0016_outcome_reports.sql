-- Client outcome reports (issue 11). The same as db/sqlite/0016_outcome_reports.sql, which explains each part.
-- Each CREATE VIEW must be alone in its batch: DbUp splits this script on GO.

ALTER TABLE Contracts ADD
    EligiblePopulation        INT  NULL CONSTRAINT CK_Contracts_EligiblePopulation CHECK (EligiblePopulation > 0),
    EligiblePopulationAsOf    DATE NULL,
    FeePerIttSuccessJpy       INT  NULL CONSTRAINT CK_Contracts_FeePerIttSuccess CHECK (FeePerIttSuccessJpy >= 0),
    FeePerVerifiedSuccessJpy  INT  NULL CONSTRAINT CK_Contracts_FeePerVerifiedSuccess CHECK (FeePerVerifiedSuccessJpy >= 0),
    FeePerCompleterJpy        INT  NULL CONSTRAINT CK_Contracts_FeePerCompleter CHECK (FeePerCompleterJpy >= 0);

CREATE INDEX IX_ParticipantEvents_TypeParticipant ON ParticipantEvents (EventType, ParticipantId, OccurredAt);
CREATE INDEX IX_Participants_CohortClient ON Participants (CohortId, ClientId, State);
GO

CREATE VIEW ReportingParticipants AS
SELECT p.Id, p.CohortId, p.ClientId, p.ContractId, p.TeamId, p.State, p.Outcome,
       CASE WHEN p.State IN ('Invited', 'Declined', 'InvitationExpired') THEN 0
            WHEN p.State = 'Withdrawn' AND x.FromState = 'Invited' THEN 0
            ELSE 1 END AS Enrolled,
       x.FromState AS ExitedFrom,
       CASE WHEN CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE) < c.StartDate THEN 0
            ELSE DATEDIFF(day, c.StartDate, CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE)) / 7 + 1 END AS StateChangedWeek,
       CASE WHEN p.LastCheckInOn IS NULL THEN NULL
            WHEN p.LastCheckInOn < c.StartDate THEN 0
            ELSE DATEDIFF(day, c.StartDate, p.LastCheckInOn) / 7 + 1 END AS LastCheckInWeek,
       CASE WHEN p.BirthYear IS NULL THEN NULL ELSE (YEAR(c.StartDate) - p.BirthYear) / 10 * 10 END AS AgeBand,
       CASE WHEN p.Department IS NULL OR p.Department = N'' THEN 0 ELSE 1 END AS HasDepartment
FROM Participants p
JOIN Cohorts c ON c.Id = p.CohortId
OUTER APPLY (SELECT TOP (1) t.FromState FROM ParticipantTransitions t
             WHERE t.ParticipantId = p.Id AND p.State IN ('DroppedOut', 'Withdrawn') ORDER BY t.Id DESC) x;
GO

CREATE VIEW ReportingCheckIns AS
SELECT e.ParticipantId, p.CohortId, p.ClientId, p.TeamId,
       CASE WHEN CAST(SWITCHOFFSET(e.OccurredAt, '+09:00') AS DATE) < c.StartDate THEN 0
            ELSE DATEDIFF(day, c.StartDate, CAST(SWITCHOFFSET(e.OccurredAt, '+09:00') AS DATE)) / 7 + 1 END AS ProgramWeek
FROM ParticipantEvents e
JOIN Participants p ON p.Id = e.ParticipantId
JOIN Cohorts c ON c.Id = p.CohortId
WHERE e.EventType = 'check_in';
GO

CREATE VIEW ReportingQuoteSources AS
SELECT 'CheckInNote' AS Source, e.Id AS SourceId, p.CohortId, p.ClientId, e.OccurredAt, JSON_VALUE(e.Payload, '$.note') AS Text
FROM ParticipantEvents e
JOIN Participants p ON p.Id = e.ParticipantId
WHERE e.EventType = 'check_in' AND LTRIM(RTRIM(JSON_VALUE(e.Payload, '$.note'))) <> N''
UNION ALL
SELECT 'Feedback' AS Source, CAST(f.Id AS BIGINT) AS SourceId, f.CohortId, f.ClientId, f.CreatedAt AS OccurredAt, f.Description AS Text
FROM FeedbackItems f
WHERE f.Source = 'ParticipantApp' AND f.CohortId IS NOT NULL AND f.ClientId IS NOT NULL;
GO

CREATE VIEW ReportingFinalAssessments AS
SELECT e.ParticipantId,
       TRY_CAST(JSON_VALUE(e.Payload, '$.abstinentDays') AS INT) AS AbstinentDays,
       TRY_CAST(JSON_VALUE(e.Payload, '$.coPpm') AS FLOAT) AS CoPpm,
       TRY_CAST(JSON_VALUE(e.Payload, '$.weightChangeKg') AS FLOAT) AS WeightChangeKg,
       TRY_CAST(JSON_VALUE(e.Payload, '$.waistChangeCm') AS FLOAT) AS WaistChangeCm
FROM ParticipantEvents e
WHERE e.EventType = 'final_assessment';
GO

CREATE VIEW ReportingSatisfaction AS
SELECT e.ParticipantId, TRY_CAST(JSON_VALUE(e.Payload, '$.score') AS INT) AS Score
FROM ParticipantEvents e
WHERE e.EventType = 'satisfaction'
  AND e.Id = (SELECT MAX(l.Id) FROM ParticipantEvents l WHERE l.EventType = 'satisfaction' AND l.ParticipantId = e.ParticipantId);
GO

CREATE VIEW ReportingCohorts AS
SELECT c.Id, c.Name, c.Status, c.StartDate, c.EnrolmentOpens, c.EnrolmentCloses, c.ProgramVersionId,
       v.ProgramId, v.VersionNumber, pr.Code AS ProgramCode, v.Definition
FROM Cohorts c
JOIN ProgramVersions v ON v.Id = c.ProgramVersionId
JOIN Programs pr ON pr.Id = v.ProgramId;
GO

CREATE VIEW ReportingCohortContracts AS
SELECT cc.CohortId, cc.ContractId, k.ClientId, cc.Capacity
FROM CohortContracts cc
JOIN Contracts k ON k.Id = cc.ContractId;
GO

CREATE VIEW ReportingContracts AS
SELECT k.Id, k.ClientId, k.ProgramName, k.Seats, k.PricePerSeatJpy, k.StartDate, k.EndDate, k.Status,
       k.EligiblePopulation, k.EligiblePopulationAsOf, k.FeePerIttSuccessJpy, k.FeePerVerifiedSuccessJpy, k.FeePerCompleterJpy
FROM Contracts k;
GO

CREATE VIEW ReportingClients AS
SELECT c.Id, c.Name, c.Kind, c.Segment, c.EligiblePopulation
FROM Clients c;
GO

CREATE VIEW ReportingKeyPersons AS
SELECT kp.Id, kp.ClientId, kp.Name, kp.Title, kp.Role
FROM KeyPersons kp;
GO

CREATE TABLE ReportSettings (
    ClientId                          INT            NOT NULL CONSTRAINT PK_ReportSettings PRIMARY KEY CONSTRAINT FK_ReportSettings_Clients REFERENCES Clients (Id),
    K                                 INT            NOT NULL CONSTRAINT CK_ReportSettings_K CHECK (K >= 3),
    MedicalCostPerSmokerYearJpy       INT            NOT NULL CONSTRAINT CK_ReportSettings_Medical CHECK (MedicalCostPerSmokerYearJpy >= 0),
    LostProductivityPerSmokerYearJpy  INT            NOT NULL CONSTRAINT CK_ReportSettings_Productivity CHECK (LostProductivityPerSmokerYearJpy >= 0),
    Version                           INT            NOT NULL CONSTRAINT DF_ReportSettings_Version DEFAULT 1,
    UpdatedAt                         DATETIMEOFFSET NOT NULL,
    UpdatedBy                         NVARCHAR(100)  NOT NULL
);

CREATE TABLE ReportVersions (
    Id             INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ReportVersions PRIMARY KEY,
    CohortId       INT            NOT NULL CONSTRAINT FK_ReportVersions_Cohorts REFERENCES Cohorts (Id),
    ClientId       INT            NOT NULL CONSTRAINT FK_ReportVersions_Clients REFERENCES Clients (Id),
    VersionNumber  INT            NOT NULL CONSTRAINT CK_ReportVersions_Number CHECK (VersionNumber > 0),
    Kind           NVARCHAR(10)   NOT NULL CONSTRAINT CK_ReportVersions_Kind CHECK (Kind IN ('Interim', 'Final')),
    Language       NVARCHAR(5)    NOT NULL CONSTRAINT CK_ReportVersions_Language CHECK (Language IN ('ja', 'en')),
    K              INT            NOT NULL CONSTRAINT CK_ReportVersions_K CHECK (K >= 3),
    PopulationSize INT            NOT NULL CONSTRAINT CK_ReportVersions_Population CHECK (PopulationSize >= 0),
    Recipients     NVARCHAR(MAX)  NOT NULL,
    Figures        NVARCHAR(MAX)  NOT NULL,
    Html           NVARCHAR(MAX)  NOT NULL,
    Workbook       VARBINARY(MAX) NOT NULL,
    Csv            NVARCHAR(MAX)  NOT NULL,
    Pdf            VARBINARY(MAX) NULL,
    IssuedAt       DATETIMEOFFSET NOT NULL,
    IssuedById     INT            NULL CONSTRAINT FK_ReportVersions_IssuedBy REFERENCES Users (Id),
    IssuedBy       NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_ReportVersions_Number ON ReportVersions (CohortId, ClientId, VersionNumber);
CREATE INDEX IX_ReportVersions_Client ON ReportVersions (ClientId, Id);

CREATE TABLE ReportPopulations (
    ReportVersionId  INT    NOT NULL CONSTRAINT FK_ReportPopulations_Versions REFERENCES ReportVersions (Id),
    ParticipantId    BIGINT NOT NULL,
    CONSTRAINT PK_ReportPopulations PRIMARY KEY (ReportVersionId, ParticipantId)
);

CREATE TABLE ReportQuotes (
    Id         INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ReportQuotes PRIMARY KEY,
    CohortId   INT            NOT NULL CONSTRAINT FK_ReportQuotes_Cohorts REFERENCES Cohorts (Id),
    ClientId   INT            NOT NULL CONSTRAINT FK_ReportQuotes_Clients REFERENCES Clients (Id),
    Source     NVARCHAR(20)   NOT NULL CONSTRAINT CK_ReportQuotes_Source CHECK (Source IN ('CheckInNote', 'Feedback')),
    SourceId   BIGINT         NOT NULL,
    Text       NVARCHAR(2000) NOT NULL,
    PickedAt   DATETIMEOFFSET NOT NULL,
    PickedBy   NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_ReportQuotes_Source ON ReportQuotes (CohortId, ClientId, Source, SourceId);
