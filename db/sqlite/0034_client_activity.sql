-- The activity log of a client account (issue 12): meetings, calls, e-mails and notes staff record with the key
-- persons involved, and entries the console writes itself (report issued, renewal action opened, task completed).
-- A system entry carries a key naming the event it records, so a job that runs again adds nothing twice.
-- OccurredOn is the day in Japan the activity happened.
CREATE TABLE ClientActivities (
    Id                INTEGER PRIMARY KEY AUTOINCREMENT,
    ClientId          INTEGER NOT NULL REFERENCES Clients (Id) ON DELETE CASCADE,
    Kind              TEXT    NOT NULL CHECK (Kind IN ('Meeting', 'Call', 'Email', 'Note', 'ReportIssued', 'RenewalActionOpened', 'TaskCompleted')),
    OccurredOn        TEXT    NOT NULL,
    Summary           TEXT    NOT NULL,
    NextStep          TEXT    NULL,
    SystemKey         TEXT    NULL,
    RecordedByUserId  INTEGER NULL REFERENCES Users (Id),
    RecordedBy        TEXT    NOT NULL,
    RecordedAt        TEXT    NOT NULL
);
CREATE INDEX IX_ClientActivities_Timeline ON ClientActivities (ClientId, OccurredOn, Id);
CREATE INDEX IX_ClientActivities_Touch ON ClientActivities (Kind, ClientId, OccurredOn);
CREATE UNIQUE INDEX UX_ClientActivities_SystemKey ON ClientActivities (SystemKey) WHERE SystemKey IS NOT NULL;

-- The key persons an activity involved; removing a key person removes them from past activities (the audit log keeps it).
CREATE TABLE ClientActivityPersons (
    ActivityId   INTEGER NOT NULL REFERENCES ClientActivities (Id) ON DELETE CASCADE,
    KeyPersonId  INTEGER NOT NULL REFERENCES KeyPersons (Id),
    PRIMARY KEY (ActivityId, KeyPersonId)
);
CREATE INDEX IX_ClientActivityPersons_KeyPerson ON ClientActivityPersons (KeyPersonId, ActivityId);

-- After how many days without a touch (meeting, call, e-mail) a high-touch client is warned about, per segment;
-- Admin edits them.
CREATE TABLE ClientTouchSettings (
    Segment       TEXT    NOT NULL PRIMARY KEY CHECK (Segment IN ('Enterprise', 'Smb')),
    NoTouchDays   INTEGER NOT NULL CHECK (NoTouchDays BETWEEN 1 AND 365),
    Version       INTEGER NOT NULL DEFAULT 1,
    UpdatedAt     TEXT    NOT NULL,
    UpdatedBy     TEXT    NOT NULL
);
INSERT INTO ClientTouchSettings (Segment, NoTouchDays, Version, UpdatedAt, UpdatedBy) VALUES
    ('Enterprise', 30, 1, '2026-12-01T00:00:00.0000000+00:00', 'migration'),
    ('Smb', 60, 1, '2026-12-01T00:00:00.0000000+00:00', 'migration');
