-- The program milestones (kickoff, quit day, week 4, …) each running cohort has reached, recorded by the program clock.

CREATE TABLE CohortMilestones (
    CohortId   INT           NOT NULL CONSTRAINT FK_CohortMilestones_Cohorts REFERENCES Cohorts (Id),
    Week       INT           NOT NULL,
    Name       NVARCHAR(200) NOT NULL,
    ReachedOn  DATE          NOT NULL,
    CONSTRAINT PK_CohortMilestones PRIMARY KEY (CohortId, Week, Name)
);
