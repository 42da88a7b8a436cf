-- The CS action queue (必要アクション): what staff must do, created by jobs and rules, one per open condition.

CREATE TABLE CsActions (
    Id             INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_CsActions PRIMARY KEY,
    Kind           NVARCHAR(30)   NOT NULL CONSTRAINT CK_CsActions_Kind CHECK (Kind IN ('ParticipantAtRisk', 'TeamBelowMinimum', 'ShipmentProblem', 'ContractRenewal')),
    ConditionKey   NVARCHAR(100)  NOT NULL,
    CohortId       INT            NULL CONSTRAINT FK_CsActions_Cohorts REFERENCES Cohorts (Id),
    ClientId       INT            NULL CONSTRAINT FK_CsActions_Clients REFERENCES Clients (Id),
    ParticipantId  BIGINT         NULL CONSTRAINT FK_CsActions_Participants REFERENCES Participants (Id),
    TeamId         INT            NULL CONSTRAINT FK_CsActions_Teams REFERENCES Teams (Id),
    ContractId     INT            NULL CONSTRAINT FK_CsActions_Contracts REFERENCES Contracts (Id),
    Reason         NVARCHAR(500)  NOT NULL,
    DueOn          DATE           NOT NULL,
    OwnerId        INT            NULL CONSTRAINT FK_CsActions_Owner REFERENCES Users (Id),
    Status         NVARCHAR(20)   NOT NULL CONSTRAINT CK_CsActions_Status CHECK (Status IN ('Open', 'Snoozed', 'Done', 'Resolved')),
    SnoozedUntil   DATE           NULL,
    Note           NVARCHAR(2000) NULL,
    CreatedAt      DATETIMEOFFSET NOT NULL,
    CreatedBy      NVARCHAR(100)  NOT NULL,
    ClosedAt       DATETIMEOFFSET NULL,
    ClosedBy       NVARCHAR(100)  NULL,
    Version        INT            NOT NULL CONSTRAINT DF_CsActions_Version DEFAULT 1,
    UpdatedAt      DATETIMEOFFSET NOT NULL,
    UpdatedBy      NVARCHAR(100)  NOT NULL
);
-- No second action for a condition that already has an open one.
CREATE UNIQUE INDEX UX_CsActions_OpenCondition ON CsActions (ConditionKey) WHERE Status IN ('Open', 'Snoozed');
CREATE INDEX IX_CsActions_Queue ON CsActions (Status, DueOn);
CREATE INDEX IX_CsActions_Participant ON CsActions (ParticipantId);
