-- Account health (issue 12): the weights of each signal per client segment, edited by admins (defaults below), and a
-- weekly snapshot of every client's score so its trend can be shown. A snapshot is written once per client and week
-- (the primary key), so a run cut off midway is finished by the next and a second run adds nothing.
CREATE TABLE HealthWeights (
    Segment        TEXT    NOT NULL PRIMARY KEY CHECK (Segment IN ('Enterprise', 'Smb')),
    Participation  INTEGER NOT NULL CHECK (Participation BETWEEN 0 AND 100),
    Enrolment      INTEGER NOT NULL CHECK (Enrolment BETWEEN 0 AND 100),
    Engagement     INTEGER NOT NULL CHECK (Engagement BETWEEN 0 AND 100),
    Outcome        INTEGER NOT NULL CHECK (Outcome BETWEEN 0 AND 100),
    Nps            INTEGER NOT NULL CHECK (Nps BETWEEN 0 AND 100),
    DecisionMaker  INTEGER NOT NULL CHECK (DecisionMaker BETWEEN 0 AND 100),
    LastTouch      INTEGER NOT NULL CHECK (LastTouch BETWEEN 0 AND 100),
    ClientRequests INTEGER NOT NULL CHECK (ClientRequests BETWEEN 0 AND 100),
    Renewal        INTEGER NOT NULL CHECK (Renewal BETWEEN 0 AND 100),
    Version        INTEGER NOT NULL DEFAULT 1,
    UpdatedAt      TEXT    NOT NULL,
    UpdatedBy      TEXT    NOT NULL
);

-- Enterprise accounts are run high-touch, so people (decision maker, touch) weigh more; SMB ones on reach and results.
INSERT INTO HealthWeights (Segment, Participation, Enrolment, Engagement, Outcome, Nps, DecisionMaker, LastTouch, ClientRequests, Renewal, UpdatedAt, UpdatedBy)
VALUES ('Enterprise', 15, 10, 10, 15, 10, 10, 10, 10, 10, '2026-11-30T00:00:00.0000000Z', 'system');
INSERT INTO HealthWeights (Segment, Participation, Enrolment, Engagement, Outcome, Nps, DecisionMaker, LastTouch, ClientRequests, Renewal, UpdatedAt, UpdatedBy)
VALUES ('Smb', 15, 15, 15, 15, 10, 5, 5, 10, 10, '2026-11-30T00:00:00.0000000Z', 'system');

CREATE TABLE HealthSnapshots (
    ClientId   INTEGER NOT NULL REFERENCES Clients (Id),
    WeekOf     TEXT    NOT NULL,
    Score      INTEGER NOT NULL CHECK (Score BETWEEN 0 AND 100),
    Weakest    TEXT    NULL,
    Parts      TEXT    NOT NULL,
    TakenAt    TEXT    NOT NULL,
    PRIMARY KEY (ClientId, WeekOf)
);
CREATE INDEX IX_HealthSnapshots_Week ON HealthSnapshots (WeekOf, Score);
