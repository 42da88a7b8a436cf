-- The decay watch (issue 13): each active initiative's effect measured week by week over a rolling window, stored as a
-- point per week (the series as the latest weekly run measured it), and a new kind of CS action, "initiative wearing off",
-- for the initiative's owner. SQLite cannot alter a CHECK, so CsActions is rebuilt as 0048 left it (every column, index and
-- foreign key) with the new kind.
CREATE TABLE InitiativeEffects (
    InitiativeId INTEGER NOT NULL REFERENCES Initiatives (Id),
    Week         INTEGER NOT NULL,
    WeekOf       TEXT    NOT NULL,
    Difference   REAL    NOT NULL,
    Lower        REAL    NOT NULL,
    Upper        REAL    NOT NULL,
    WearingOff   INTEGER NOT NULL CHECK (WearingOff IN (0, 1)),
    MeasuredAt   TEXT    NOT NULL,
    PRIMARY KEY (InitiativeId, Week)
);

ALTER TABLE CsActions RENAME TO CsActionsBeforeInitiativeKind;

CREATE TABLE CsActions (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    Kind           TEXT    NOT NULL CHECK (Kind IN ('ParticipantAtRisk', 'TeamBelowMinimum', 'ShipmentProblem', 'ContractRenewal',
                                                    'ClientHealthLow', 'NoDecisionMaker', 'NoRecentTouch', 'SeatsNearlyUsed',
                                                    'CohortUnderEnrolled', 'ReportDue', 'PlaybookTask', 'InitiativeWearingOff')),
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
    UpdatedBy      TEXT    NOT NULL,
    ShipmentId     INTEGER NULL REFERENCES Shipments (Id),
    Priority       INTEGER NOT NULL DEFAULT 2 CHECK (Priority IN (1, 2, 3))
);

INSERT INTO CsActions (Id, Kind, ConditionKey, CohortId, ClientId, ParticipantId, TeamId, ContractId, Reason, DueOn, OwnerId, Status, SnoozedUntil,
                       Note, CreatedAt, CreatedBy, ClosedAt, ClosedBy, Version, UpdatedAt, UpdatedBy, ShipmentId, Priority)
SELECT Id, Kind, ConditionKey, CohortId, ClientId, ParticipantId, TeamId, ContractId, Reason, DueOn, OwnerId, Status, SnoozedUntil,
       Note, CreatedAt, CreatedBy, ClosedAt, ClosedBy, Version, UpdatedAt, UpdatedBy, ShipmentId, Priority
FROM CsActionsBeforeInitiativeKind;

DROP TABLE CsActionsBeforeInitiativeKind;

CREATE UNIQUE INDEX UX_CsActions_OpenCondition ON CsActions (ConditionKey) WHERE Status IN ('Open', 'Snoozed');
CREATE INDEX IX_CsActions_Queue ON CsActions (Status, DueOn);
CREATE INDEX IX_CsActions_Participant ON CsActions (ParticipantId);
CREATE INDEX IX_CsActions_Shipment ON CsActions (ShipmentId);
CREATE INDEX IX_CsActions_QueuePriority ON CsActions (Status, Priority, DueOn);
-- The client page's open actions and the client jobs' reconciling read a client's actions.
CREATE INDEX IX_CsActions_Client ON CsActions (ClientId, Status);
-- A playbook task is created once ever, whatever became of it: the job looks its condition up in every status.
CREATE INDEX IX_CsActions_Condition ON CsActions (ConditionKey);
