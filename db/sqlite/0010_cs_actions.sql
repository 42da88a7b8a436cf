-- The CS action queue (必要アクション): what staff must do, created by jobs and rules, one per open condition.

CREATE TABLE CsActions (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    Kind           TEXT    NOT NULL CHECK (Kind IN ('ParticipantAtRisk', 'TeamBelowMinimum', 'ShipmentProblem', 'ContractRenewal')),
    ConditionKey   TEXT    NOT NULL,
    CohortId       INTEGER NULL REFERENCES Cohorts (Id),
    ClientId       INTEGER NULL REFERENCES Clients (Id),
    ParticipantId  INTEGER NULL REFERENCES Participants (Id),
    TeamId         INTEGER NULL REFERENCES Teams (Id),
    ContractId     INTEGER NULL REFERENCES Contracts (Id),
    Reason         TEXT    NOT NULL,
    DueOn          TEXT    NOT NULL,
    OwnerId        INTEGER NULL REFERENCES Users (Id),
    Status         TEXT    NOT NULL CHECK (Status IN ('Open', 'Snoozed', 'Done', 'Resolved')),
    SnoozedUntil   TEXT    NULL,
    Note           TEXT    NULL,
    CreatedAt      TEXT    NOT NULL,
    CreatedBy      TEXT    NOT NULL,
    ClosedAt       TEXT    NULL,
    ClosedBy       TEXT    NULL,
    Version        INTEGER NOT NULL DEFAULT 1,
    UpdatedAt      TEXT    NOT NULL,
    UpdatedBy      TEXT    NOT NULL
);
-- No second action for a condition that already has an open one.
CREATE UNIQUE INDEX UX_CsActions_OpenCondition ON CsActions (ConditionKey) WHERE Status IN ('Open', 'Snoozed');
CREATE INDEX IX_CsActions_Queue ON CsActions (Status, DueOn);
CREATE INDEX IX_CsActions_Participant ON CsActions (ParticipantId);
