-- The activity log of a client account (issue 12): meetings, calls, e-mails and notes staff record with the key
-- persons involved, and entries the console writes itself (report issued, renewal action opened, task completed).
-- A system entry carries a key naming the event it records, so a job that runs again adds nothing twice.
-- OccurredOn is the day in Japan the activity happened.
CREATE TABLE ClientActivities (
    Id                INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ClientActivities PRIMARY KEY,
    ClientId          INT            NOT NULL CONSTRAINT FK_ClientActivities_Clients REFERENCES Clients (Id) ON DELETE CASCADE,
    Kind              NVARCHAR(30)   NOT NULL CONSTRAINT CK_ClientActivities_Kind CHECK (Kind IN ('Meeting', 'Call', 'Email', 'Note', 'ReportIssued', 'RenewalActionOpened', 'TaskCompleted')),
    OccurredOn        DATE           NOT NULL,
    Summary           NVARCHAR(2000) NOT NULL,
    NextStep          NVARCHAR(1000) NULL,
    SystemKey         NVARCHAR(100)  NULL,
    RecordedByUserId  INT            NULL CONSTRAINT FK_ClientActivities_Users REFERENCES Users (Id),
    RecordedBy        NVARCHAR(100)  NOT NULL,
    RecordedAt        DATETIMEOFFSET NOT NULL
);
CREATE INDEX IX_ClientActivities_Timeline ON ClientActivities (ClientId, OccurredOn, Id);
CREATE INDEX IX_ClientActivities_Touch ON ClientActivities (Kind, ClientId, OccurredOn);
CREATE UNIQUE INDEX UX_ClientActivities_SystemKey ON ClientActivities (SystemKey) WHERE SystemKey IS NOT NULL;

-- The key persons an activity involved; removing a key person removes them from past activities (the audit log keeps it).
-- No cascade from KeyPersons: SQL Server refuses a second cascade path from Clients.
CREATE TABLE ClientActivityPersons (
    ActivityId   INT NOT NULL CONSTRAINT FK_ClientActivityPersons_Activities REFERENCES ClientActivities (Id) ON DELETE CASCADE,
    KeyPersonId  INT NOT NULL CONSTRAINT FK_ClientActivityPersons_KeyPersons REFERENCES KeyPersons (Id),
    CONSTRAINT PK_ClientActivityPersons PRIMARY KEY (ActivityId, KeyPersonId)
);
CREATE INDEX IX_ClientActivityPersons_KeyPerson ON ClientActivityPersons (KeyPersonId, ActivityId);

-- After how many days without a touch (meeting, call, e-mail) a high-touch client is warned about, per segment;
-- Admin edits them.
CREATE TABLE ClientTouchSettings (
    Segment       NVARCHAR(20)   NOT NULL CONSTRAINT PK_ClientTouchSettings PRIMARY KEY CONSTRAINT CK_ClientTouchSettings_Segment CHECK (Segment IN ('Enterprise', 'Smb')),
    NoTouchDays   INT            NOT NULL CONSTRAINT CK_ClientTouchSettings_Days CHECK (NoTouchDays BETWEEN 1 AND 365),
    Version       INT            NOT NULL CONSTRAINT DF_ClientTouchSettings_Version DEFAULT 1,
    UpdatedAt     DATETIMEOFFSET NOT NULL,
    UpdatedBy     NVARCHAR(100)  NOT NULL
);
INSERT INTO ClientTouchSettings (Segment, NoTouchDays, Version, UpdatedAt, UpdatedBy) VALUES
    ('Enterprise', 30, 1, '2026-12-01T00:00:00+00:00', 'migration'),
    ('Smb', 60, 1, '2026-12-01T00:00:00+00:00', 'migration');
