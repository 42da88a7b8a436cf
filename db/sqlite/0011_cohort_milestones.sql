-- The program milestones (kickoff, quit day, week 4, …) each running cohort has reached, recorded by the program clock.

CREATE TABLE CohortMilestones (
    CohortId   INTEGER NOT NULL REFERENCES Cohorts (Id),
    Week       INTEGER NOT NULL,
    Name       TEXT    NOT NULL,
    ReachedOn  TEXT    NOT NULL,
    PRIMARY KEY (CohortId, Week, Name)
);
