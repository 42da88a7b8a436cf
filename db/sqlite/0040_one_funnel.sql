-- One funnel for the whole console (issue 13): a feedback item's stage is one of the participant funnel's stages
-- (invitation → enrolment → onboarding → week 1 → weeks 2–4 → weeks 5–12 → final assessment), or none for what is
-- about the client account rather than a participant's path. Renewal was a client-side event, not a participant stage:
-- its items (contracts, invoices, reports to executives) keep every other field and lose the stage (NULL).
-- Routing rules that named Renewal no longer name it; a rule that named only Renewal would now fire on every stage, so it
-- is disabled (an administrator decides what it should do).
--
-- SQLite cannot change a CHECK in place: the table is rebuilt under the same name. The items' children (reports,
-- decisions, status changes) keep pointing at their rows: with foreign keys deferred to the commit, dropping the old
-- table and inserting the same ids into the new one leaves no orphan when the transaction commits.

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE FeedbackItemsBeforeOneFunnel AS SELECT * FROM FeedbackItems;

DROP TABLE FeedbackItems;

CREATE TABLE FeedbackItems (
    Id               INTEGER PRIMARY KEY AUTOINCREMENT,
    Title            TEXT    NOT NULL,
    Description      TEXT    NOT NULL,
    Source           TEXT    NOT NULL CHECK (Source IN ('CsObservation', 'SupportInquiry', 'TeamChat', 'N1Interview', 'Client', 'ParticipantApp')),
    ProgramId        INTEGER NULL REFERENCES Programs (Id),
    ClientId         INTEGER NULL REFERENCES Clients (Id),
    CohortId         INTEGER NULL REFERENCES Cohorts (Id),
    Stage            TEXT    NULL CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment')),
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

INSERT INTO FeedbackItems (Id, Title, Description, Source, ProgramId, ClientId, CohortId, Stage, Category, Severity, AffectedCount,
                           HelpsEveryUser, ProgramSpecific, ClientAsked, Destination, Confidence, Status, OwnerId, RoutedAt,
                           Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
SELECT Id, Title, Description, Source, ProgramId, ClientId, CohortId, CASE WHEN Stage = 'Renewal' THEN NULL ELSE Stage END,
       Category, Severity, AffectedCount, HelpsEveryUser, ProgramSpecific, ClientAsked, Destination, Confidence, Status, OwnerId,
       RoutedAt, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy
FROM FeedbackItemsBeforeOneFunnel;

DROP TABLE FeedbackItemsBeforeOneFunnel;

-- Rules are stored as JSON with the stages in the form's order, Renewal last: ["Renewal"] alone or …,"Renewal"].
UPDATE RoutingRules SET IsEnabled = 0, Conditions = REPLACE(Conditions, '"stages":["Renewal"]', '"stages":[]')
WHERE Conditions LIKE '%"stages":["Renewal"]%';
UPDATE RoutingRules SET Conditions = REPLACE(Conditions, ',"Renewal"]', ']')
WHERE Conditions LIKE '%"stages":[%,"Renewal"]%';
