-- Account health (issue 12): the weights of each signal per client segment, edited by admins (defaults below), and a
-- weekly snapshot of every client's score so its trend can be shown. A snapshot is written once per client and week
-- (the primary key), so a run cut off midway is finished by the next and a second run adds nothing.
CREATE TABLE HealthWeights (
    Segment        NVARCHAR(20)   NOT NULL CONSTRAINT PK_HealthWeights PRIMARY KEY CHECK (Segment IN ('Enterprise', 'Smb')),
    Participation  INT            NOT NULL CHECK (Participation BETWEEN 0 AND 100),
    Enrolment      INT            NOT NULL CHECK (Enrolment BETWEEN 0 AND 100),
    Engagement     INT            NOT NULL CHECK (Engagement BETWEEN 0 AND 100),
    Outcome        INT            NOT NULL CHECK (Outcome BETWEEN 0 AND 100),
    Nps            INT            NOT NULL CHECK (Nps BETWEEN 0 AND 100),
    DecisionMaker  INT            NOT NULL CHECK (DecisionMaker BETWEEN 0 AND 100),
    LastTouch      INT            NOT NULL CHECK (LastTouch BETWEEN 0 AND 100),
    ClientRequests INT            NOT NULL CHECK (ClientRequests BETWEEN 0 AND 100),
    Renewal        INT            NOT NULL CHECK (Renewal BETWEEN 0 AND 100),
    Version        INT            NOT NULL DEFAULT 1,
    UpdatedAt      DATETIMEOFFSET NOT NULL,
    UpdatedBy      NVARCHAR(100)  NOT NULL
);

-- Enterprise accounts are run high-touch, so people (decision maker, touch) weigh more; SMB ones on reach and results.
INSERT INTO HealthWeights (Segment, Participation, Enrolment, Engagement, Outcome, Nps, DecisionMaker, LastTouch, ClientRequests, Renewal, UpdatedAt, UpdatedBy)
VALUES ('Enterprise', 15, 10, 10, 15, 10, 10, 10, 10, 10, '2026-11-30T00:00:00+00:00', 'system');
INSERT INTO HealthWeights (Segment, Participation, Enrolment, Engagement, Outcome, Nps, DecisionMaker, LastTouch, ClientRequests, Renewal, UpdatedAt, UpdatedBy)
VALUES ('Smb', 15, 15, 15, 15, 10, 5, 5, 10, 10, '2026-11-30T00:00:00+00:00', 'system');

CREATE TABLE HealthSnapshots (
    ClientId   INT            NOT NULL CONSTRAINT FK_HealthSnapshots_Clients REFERENCES Clients (Id),
    WeekOf     DATE           NOT NULL,
    Score      INT            NOT NULL CHECK (Score BETWEEN 0 AND 100),
    Weakest    NVARCHAR(40)   NULL,
    Parts      NVARCHAR(MAX)  NOT NULL,
    TakenAt    DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_HealthSnapshots PRIMARY KEY (ClientId, WeekOf)
);
CREATE INDEX IX_HealthSnapshots_Week ON HealthSnapshots (WeekOf, Score);
