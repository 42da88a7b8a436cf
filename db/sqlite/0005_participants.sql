-- Roster imports (名簿取り込み), participants and their peer teams.
-- An import is staged first: the uploaded file is kept in chunks, validated into a preview (counts and
-- every problem row), and only then committed in one transaction that creates the participants.

CREATE TABLE RosterImports (
    Id              INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId        INTEGER NOT NULL REFERENCES Cohorts (Id),
    ContractId      INTEGER NOT NULL REFERENCES Contracts (Id),
    FileName        TEXT    NOT NULL,
    FileSha256      TEXT    NOT NULL,
    FileBytes       INTEGER NOT NULL,
    RequestedEncoding TEXT  NOT NULL CHECK (RequestedEncoding IN ('Auto', 'Utf8', 'ShiftJis')),
    DetectedEncoding  TEXT  NULL,
    ColumnMapping   TEXT    NULL,
    Status          TEXT    NOT NULL CHECK (Status IN ('Queued', 'Validating', 'NeedsMapping', 'Previewed', 'CommitQueued', 'Committing', 'Committed', 'Failed', 'Discarded')),
    RowsRead        INTEGER NOT NULL DEFAULT 0,
    RowsValid       INTEGER NOT NULL DEFAULT 0,
    RowsInvalid     INTEGER NOT NULL DEFAULT 0,
    RowsImported    INTEGER NOT NULL DEFAULT 0,
    FailureReason   TEXT    NULL,
    UploadedById    INTEGER NULL REFERENCES Users (Id),
    UploadedBy      TEXT    NOT NULL,
    UploadedAt      TEXT    NOT NULL,
    CommittedById   INTEGER NULL REFERENCES Users (Id),
    CommittedBy     TEXT    NULL,
    CommittedAt     TEXT    NULL,
    Version         INTEGER NOT NULL DEFAULT 1,
    UpdatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_RosterImports_Cohort ON RosterImports (CohortId, Id);
CREATE INDEX IX_RosterImports_Hash ON RosterImports (FileSha256, Status);
CREATE INDEX IX_RosterImports_Status ON RosterImports (Status);

-- The uploaded file between preview and commit, in fixed-size pieces so neither the upload nor a
-- later read needs the whole file in memory. Deleted once the import is committed or discarded.
CREATE TABLE RosterImportChunks (
    ImportId   INTEGER NOT NULL REFERENCES RosterImports (Id) ON DELETE CASCADE,
    Sequence   INTEGER NOT NULL,
    Content    BLOB    NOT NULL,
    PRIMARY KEY (ImportId, Sequence)
);

CREATE TABLE RosterImportProblems (
    Id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ImportId    INTEGER NOT NULL REFERENCES RosterImports (Id) ON DELETE CASCADE,
    Line        INTEGER NOT NULL,
    Problem     TEXT    NOT NULL,
    Field       TEXT    NULL,
    ColumnName  TEXT    NULL,
    Value       TEXT    NOT NULL,
    FirstLine   INTEGER NULL
);
CREATE INDEX IX_RosterImportProblems_Import ON RosterImportProblems (ImportId, Line);

CREATE TABLE Teams (
    Id        INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId  INTEGER NOT NULL REFERENCES Cohorts (Id),
    Number    INTEGER NOT NULL,
    FormedAt  TEXT    NOT NULL,
    Version   INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_Teams_Number ON Teams (CohortId, Number);

-- Personal columns are nullable: withdrawal erases them and keeps the anonymous row and its history.
CREATE TABLE Participants (
    Id              INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId        INTEGER NOT NULL REFERENCES Cohorts (Id),
    ContractId      INTEGER NOT NULL REFERENCES Contracts (Id),
    ClientId        INTEGER NOT NULL REFERENCES Clients (Id),
    ImportId        INTEGER NULL REFERENCES RosterImports (Id),
    ImportLine      INTEGER NULL,
    EmployeeNumber  TEXT    NULL,
    FullName        TEXT    NULL,
    Kana            TEXT    NULL,
    Email           TEXT    NULL,
    Department      TEXT    NULL,
    BirthYear       INTEGER NULL,
    InvitationCode  TEXT    NOT NULL,
    State           TEXT    NOT NULL CHECK (State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk', 'Completed', 'Declined', 'InvitationExpired', 'DroppedOut', 'Withdrawn')),
    Outcome         TEXT    NULL CHECK (Outcome IN ('Succeeded', 'NotSucceeded')),
    TeamId          INTEGER NULL REFERENCES Teams (Id),
    LastCheckInOn   TEXT    NULL,
    StateChangedAt  TEXT    NOT NULL,
    AnonymisedAt    TEXT    NULL,
    Version         INTEGER NOT NULL DEFAULT 1,
    CreatedAt       TEXT    NOT NULL,
    UpdatedAt       TEXT    NOT NULL,
    UpdatedBy       TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_Participants_InvitationCode ON Participants (InvitationCode);
CREATE UNIQUE INDEX UX_Participants_EmployeeInCohort ON Participants (CohortId, ClientId, EmployeeNumber) WHERE EmployeeNumber IS NOT NULL;
-- A cohort's participants in import order and by state without reading other cohorts' rows.
CREATE INDEX IX_Participants_Cohort ON Participants (CohortId, Id);
CREATE INDEX IX_Participants_CohortState ON Participants (CohortId, State);
CREATE INDEX IX_Participants_Team ON Participants (TeamId);

CREATE TABLE ParticipantTransitions (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    ParticipantId  INTEGER NOT NULL REFERENCES Participants (Id),
    FromState      TEXT    NOT NULL,
    ToState        TEXT    NOT NULL,
    TriggerName    TEXT    NOT NULL,
    Outcome        TEXT    NULL,
    Actor          TEXT    NOT NULL,
    OccurredAt     TEXT    NOT NULL,
    Reason         TEXT    NULL,
    EventId        TEXT    NULL
);
CREATE INDEX IX_ParticipantTransitions_Participant ON ParticipantTransitions (ParticipantId, Id);
