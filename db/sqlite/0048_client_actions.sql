-- Client-level required actions (style δ: health low, no decision maker, no touch, seats nearly used, a cohort
-- under-enrolled, a report due) and playbook tasks (issue 12) are new kinds of CS action. SQLite cannot alter a CHECK,
-- so the table is rebuilt with every column it has (ShipmentId from 0012, Priority from 0026) and its indexes.
ALTER TABLE CsActions RENAME TO CsActionsBeforeClientKinds;

CREATE TABLE CsActions (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    Kind           TEXT    NOT NULL CHECK (Kind IN ('ParticipantAtRisk', 'TeamBelowMinimum', 'ShipmentProblem', 'ContractRenewal',
                                                    'ClientHealthLow', 'NoDecisionMaker', 'NoRecentTouch', 'SeatsNearlyUsed',
                                                    'CohortUnderEnrolled', 'ReportDue', 'PlaybookTask')),
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
FROM CsActionsBeforeClientKinds;

DROP TABLE CsActionsBeforeClientKinds;

CREATE UNIQUE INDEX UX_CsActions_OpenCondition ON CsActions (ConditionKey) WHERE Status IN ('Open', 'Snoozed');
CREATE INDEX IX_CsActions_Queue ON CsActions (Status, DueOn);
CREATE INDEX IX_CsActions_Participant ON CsActions (ParticipantId);
CREATE INDEX IX_CsActions_Shipment ON CsActions (ShipmentId);
CREATE INDEX IX_CsActions_QueuePriority ON CsActions (Status, Priority, DueOn);
-- The client page's open actions and the client jobs' reconciling read a client's actions.
CREATE INDEX IX_CsActions_Client ON CsActions (ClientId, Status);
-- A playbook task is created once ever, whatever became of it: the job looks its condition up in every status.
CREATE INDEX IX_CsActions_Condition ON CsActions (ConditionKey);
