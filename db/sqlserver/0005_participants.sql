-- Roster imports (名簿取り込み), participants and their peer teams.
-- An import is staged first: the uploaded file is kept in chunks, validated into a preview (counts and
-- every problem row), and only then committed in one transaction that creates the participants.

CREATE TABLE RosterImports (
    Id              INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_RosterImports PRIMARY KEY,
    CohortId        INT            NOT NULL CONSTRAINT FK_RosterImports_Cohorts REFERENCES Cohorts (Id),
    ContractId      INT            NOT NULL CONSTRAINT FK_RosterImports_Contracts REFERENCES Contracts (Id),
    FileName        NVARCHAR(260)  NOT NULL,
    FileSha256      CHAR(64)       NOT NULL,
    FileBytes       BIGINT         NOT NULL,
    RequestedEncoding NVARCHAR(20) NOT NULL CONSTRAINT CK_RosterImports_Encoding CHECK (RequestedEncoding IN ('Auto', 'Utf8', 'ShiftJis')),
    DetectedEncoding  NVARCHAR(20) NULL,
    ColumnMapping   NVARCHAR(MAX)  NULL,
    Status          NVARCHAR(20)   NOT NULL CONSTRAINT CK_RosterImports_Status CHECK (Status IN ('Queued', 'Validating', 'NeedsMapping', 'Previewed', 'CommitQueued', 'Committing', 'Committed', 'Failed', 'Discarded')),
    RowsRead        INT            NOT NULL CONSTRAINT DF_RosterImports_RowsRead DEFAULT 0,
    RowsValid       INT            NOT NULL CONSTRAINT DF_RosterImports_RowsValid DEFAULT 0,
    RowsInvalid     INT            NOT NULL CONSTRAINT DF_RosterImports_RowsInvalid DEFAULT 0,
    RowsImported    INT            NOT NULL CONSTRAINT DF_RosterImports_RowsImported DEFAULT 0,
    FailureReason   NVARCHAR(1000) NULL,
    UploadedById    INT            NULL CONSTRAINT FK_RosterImports_UploadedBy REFERENCES Users (Id),
    UploadedBy      NVARCHAR(100)  NOT NULL,
    UploadedAt      DATETIMEOFFSET NOT NULL,
    CommittedById   INT            NULL CONSTRAINT FK_RosterImports_CommittedBy REFERENCES Users (Id),
    CommittedBy     NVARCHAR(100)  NULL,
    CommittedAt     DATETIMEOFFSET NULL,
    Version         INT            NOT NULL CONSTRAINT DF_RosterImports_Version DEFAULT 1,
    UpdatedAt       DATETIMEOFFSET NOT NULL
);
CREATE INDEX IX_RosterImports_Cohort ON RosterImports (CohortId, Id);
CREATE INDEX IX_RosterImports_Hash ON RosterImports (FileSha256, Status);
CREATE INDEX IX_RosterImports_Status ON RosterImports (Status);

-- The uploaded file between preview and commit, in fixed-size pieces so neither the upload nor a
-- later read needs the whole file in memory. Deleted once the import is committed or discarded.
CREATE TABLE RosterImportChunks (
    ImportId   INT            NOT NULL CONSTRAINT FK_RosterImportChunks_Imports REFERENCES RosterImports (Id) ON DELETE CASCADE,
    Sequence   INT            NOT NULL,
    Content    VARBINARY(MAX) NOT NULL,
    CONSTRAINT PK_RosterImportChunks PRIMARY KEY (ImportId, Sequence)
);

CREATE TABLE RosterImportProblems (
    Id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_RosterImportProblems PRIMARY KEY,
    ImportId    INT            NOT NULL CONSTRAINT FK_RosterImportProblems_Imports REFERENCES RosterImports (Id) ON DELETE CASCADE,
    Line        INT            NOT NULL,
    Problem     NVARCHAR(40)   NOT NULL,
    Field       NVARCHAR(40)   NULL,
    ColumnName  NVARCHAR(200)  NULL,
    Value       NVARCHAR(400)  NOT NULL,
    FirstLine   INT            NULL
);
CREATE INDEX IX_RosterImportProblems_Import ON RosterImportProblems (ImportId, Line);

CREATE TABLE Teams (
    Id        INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Teams PRIMARY KEY,
    CohortId  INT            NOT NULL CONSTRAINT FK_Teams_Cohorts REFERENCES Cohorts (Id),
    Number    INT            NOT NULL,
    FormedAt  DATETIMEOFFSET NOT NULL,
    Version   INT            NOT NULL CONSTRAINT DF_Teams_Version DEFAULT 1
);
CREATE UNIQUE INDEX UX_Teams_Number ON Teams (CohortId, Number);

-- Personal columns are nullable: withdrawal erases them and keeps the anonymous row and its history.
CREATE TABLE Participants (
    Id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Participants PRIMARY KEY,
    CohortId        INT            NOT NULL CONSTRAINT FK_Participants_Cohorts REFERENCES Cohorts (Id),
    ContractId      INT            NOT NULL CONSTRAINT FK_Participants_Contracts REFERENCES Contracts (Id),
    ClientId        INT            NOT NULL CONSTRAINT FK_Participants_Clients REFERENCES Clients (Id),
    ImportId        INT            NULL CONSTRAINT FK_Participants_Imports REFERENCES RosterImports (Id),
    ImportLine      INT            NULL,
    EmployeeNumber  NVARCHAR(50)   NULL,
    FullName        NVARCHAR(200)  NULL,
    Kana            NVARCHAR(200)  NULL,
    Email           NVARCHAR(320)  NULL,
    Department      NVARCHAR(200)  NULL,
    BirthYear       INT            NULL,
    InvitationCode  NVARCHAR(20)   NOT NULL,
    State           NVARCHAR(20)   NOT NULL CONSTRAINT CK_Participants_State CHECK (State IN ('Invited', 'Enrolled', 'Onboarding', 'Active', 'AtRisk', 'Completed', 'Declined', 'InvitationExpired', 'DroppedOut', 'Withdrawn')),
    Outcome         NVARCHAR(20)   NULL CONSTRAINT CK_Participants_Outcome CHECK (Outcome IN ('Succeeded', 'NotSucceeded')),
    TeamId          INT            NULL CONSTRAINT FK_Participants_Teams REFERENCES Teams (Id),
    LastCheckInOn   DATE           NULL,
    StateChangedAt  DATETIMEOFFSET NOT NULL,
    AnonymisedAt    DATETIMEOFFSET NULL,
    Version         INT            NOT NULL CONSTRAINT DF_Participants_Version DEFAULT 1,
    CreatedAt       DATETIMEOFFSET NOT NULL,
    UpdatedAt       DATETIMEOFFSET NOT NULL,
    UpdatedBy       NVARCHAR(100)  NOT NULL
);
CREATE UNIQUE INDEX UX_Participants_InvitationCode ON Participants (InvitationCode);
CREATE UNIQUE INDEX UX_Participants_EmployeeInCohort ON Participants (CohortId, ClientId, EmployeeNumber) WHERE EmployeeNumber IS NOT NULL;
-- A cohort's participants in import order and by state without reading other cohorts' rows.
CREATE INDEX IX_Participants_Cohort ON Participants (CohortId, Id);
CREATE INDEX IX_Participants_CohortState ON Participants (CohortId, State);
CREATE INDEX IX_Participants_Team ON Participants (TeamId);

CREATE TABLE ParticipantTransitions (
    Id             BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ParticipantTransitions PRIMARY KEY,
    ParticipantId  BIGINT         NOT NULL CONSTRAINT FK_ParticipantTransitions_Participants REFERENCES Participants (Id),
    FromState      NVARCHAR(20)   NOT NULL,
    ToState        NVARCHAR(20)   NOT NULL,
    TriggerName    NVARCHAR(40)   NOT NULL,
    Outcome        NVARCHAR(20)   NULL,
    Actor          NVARCHAR(100)  NOT NULL,
    OccurredAt     DATETIMEOFFSET NOT NULL,
    Reason         NVARCHAR(1000) NULL,
    EventId        NVARCHAR(100)  NULL
);
CREATE INDEX IX_ParticipantTransitions_Participant ON ParticipantTransitions (ParticipantId, Id);
