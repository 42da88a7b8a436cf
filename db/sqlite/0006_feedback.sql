-- Feedback router: items staff report (with every merged report kept as a source), the Admin-edited
-- ordered rule set, each routing decision with the rules that fired (for the override rate by rule),
-- and status changes (for the reporters' home pages and the dashboard).

CREATE TABLE FeedbackItems (
    Id               INTEGER PRIMARY KEY AUTOINCREMENT,
    Title            TEXT    NOT NULL,
    Description      TEXT    NOT NULL,
    Source           TEXT    NOT NULL CHECK (Source IN ('CsObservation', 'SupportInquiry', 'TeamChat', 'N1Interview', 'Client', 'ParticipantApp')),
    ProgramId        INTEGER NULL REFERENCES Programs (Id),
    ClientId         INTEGER NULL REFERENCES Clients (Id),
    CohortId         INTEGER NULL REFERENCES Cohorts (Id),
    Stage            TEXT    NOT NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment', 'Renewal')),
    Category         TEXT    NOT NULL CHECK (Category IN ('Notifications', 'Usability', 'Defect', 'Content', 'Supplies', 'PeerTeam', 'Reporting', 'Contract', 'Privacy', 'Other')),
    Severity         TEXT    NOT NULL CHECK (Severity IN ('Low', 'Medium', 'High', 'Critical')),
    AffectedCount    INTEGER NOT NULL CHECK (AffectedCount >= 0),
    HelpsEveryUser   TEXT    NOT NULL CHECK (HelpsEveryUser IN ('Unknown', 'Yes', 'No')),
    ProgramSpecific  TEXT    NOT NULL CHECK (ProgramSpecific IN ('Unknown', 'Yes', 'No')),
    ClientAsked      TEXT    NOT NULL CHECK (ClientAsked IN ('Unknown', 'Yes', 'No')),
    Destination      TEXT    NOT NULL CHECK (Destination IN ('BaseProduct', 'ProgramLayer', 'ClientAccount', 'NeedsTriage')),
    Confidence       REAL    NOT NULL,
    Status           TEXT    NOT NULL CHECK (Status IN ('New', 'Routed', 'Accepted', 'InProgress', 'Done', 'WontDo')),
    OwnerId          INTEGER NULL REFERENCES Users (Id),
    RoutedAt         TEXT    NULL,
    Version          INTEGER NOT NULL DEFAULT 1,
    CreatedAt        TEXT    NOT NULL,
    CreatedBy        TEXT    NOT NULL,
    UpdatedAt        TEXT    NOT NULL,
    UpdatedBy        TEXT    NOT NULL
);
CREATE INDEX IX_FeedbackItems_Queue ON FeedbackItems (Destination, Status, CreatedAt);
CREATE INDEX IX_FeedbackItems_CreatedAt ON FeedbackItems (CreatedAt);

CREATE TABLE FeedbackReports (
    Id              INTEGER PRIMARY KEY AUTOINCREMENT,
    FeedbackItemId  INTEGER NOT NULL REFERENCES FeedbackItems (Id),
    Source          TEXT    NOT NULL CHECK (Source IN ('CsObservation', 'SupportInquiry', 'TeamChat', 'N1Interview', 'Client', 'ParticipantApp')),
    Note            TEXT    NOT NULL,
    AffectedCount   INTEGER NOT NULL CHECK (AffectedCount >= 0),
    ReporterId      INTEGER NULL REFERENCES Users (Id),
    ReportedBy      TEXT    NOT NULL,
    ReportedAt      TEXT    NOT NULL
);
CREATE INDEX IX_FeedbackReports_Item ON FeedbackReports (FeedbackItemId);
CREATE INDEX IX_FeedbackReports_Reporter ON FeedbackReports (ReporterId, FeedbackItemId);

CREATE TABLE RoutingRules (
    Id           INTEGER PRIMARY KEY AUTOINCREMENT,
    Position     INTEGER NOT NULL CHECK (Position > 0),
    Name         TEXT    NOT NULL,
    Destination  TEXT    NOT NULL CHECK (Destination IN ('BaseProduct', 'ProgramLayer', 'ClientAccount')),
    Weight       REAL    NOT NULL CHECK (Weight > 0),
    Conditions   TEXT    NOT NULL,
    IsEnabled    INTEGER NOT NULL DEFAULT 1,
    Version      INTEGER NOT NULL DEFAULT 1,
    CreatedAt    TEXT    NOT NULL,
    UpdatedAt    TEXT    NOT NULL,
    UpdatedBy    TEXT    NOT NULL
);

CREATE TABLE RoutingDecisions (
    Id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    FeedbackItemId        INTEGER NOT NULL REFERENCES FeedbackItems (Id),
    Kind                  TEXT    NOT NULL CHECK (Kind IN ('Rules', 'Override')),
    Destination           TEXT    NOT NULL CHECK (Destination IN ('BaseProduct', 'ProgramLayer', 'ClientAccount', 'NeedsTriage')),
    Confidence            REAL    NULL,
    SuggestedDestination  TEXT    NULL,
    SuggestedProbability  REAL    NULL,
    Explanation           TEXT    NULL,
    Reason                TEXT    NULL,
    DecidedById           INTEGER NULL REFERENCES Users (Id),
    DecidedBy             TEXT    NOT NULL,
    DecidedAt             TEXT    NOT NULL
);
CREATE INDEX IX_RoutingDecisions_Item ON RoutingDecisions (FeedbackItemId, Id);

CREATE TABLE RoutingDecisionRules (
    DecisionId   INTEGER NOT NULL REFERENCES RoutingDecisions (Id),
    RuleId       INTEGER NOT NULL REFERENCES RoutingRules (Id),
    Destination  TEXT    NOT NULL,
    PRIMARY KEY (DecisionId, RuleId)
);
CREATE INDEX IX_RoutingDecisionRules_Rule ON RoutingDecisionRules (RuleId);

CREATE TABLE FeedbackStatusChanges (
    Id              INTEGER PRIMARY KEY AUTOINCREMENT,
    FeedbackItemId  INTEGER NOT NULL REFERENCES FeedbackItems (Id),
    FromStatus      TEXT    NULL,
    ToStatus        TEXT    NOT NULL,
    ChangedById     INTEGER NULL REFERENCES Users (Id),
    ChangedBy       TEXT    NOT NULL,
    ChangedAt       TEXT    NOT NULL
);
CREATE INDEX IX_FeedbackStatusChanges_Item ON FeedbackStatusChanges (FeedbackItemId, Id);
CREATE INDEX IX_FeedbackStatusChanges_ChangedAt ON FeedbackStatusChanges (ChangedAt);
