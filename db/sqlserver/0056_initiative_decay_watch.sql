-- The decay watch (issue 13): each active initiative's effect measured week by week over a rolling window, stored as a
-- point per week (the series as the latest weekly run measured it), and a new kind of CS action, "initiative wearing off",
-- for the initiative's owner.
CREATE TABLE InitiativeEffects (
    InitiativeId INT            NOT NULL CONSTRAINT FK_InitiativeEffects_Initiatives REFERENCES Initiatives (Id),
    Week         INT            NOT NULL,
    WeekOf       DATE           NOT NULL,
    Difference   FLOAT          NOT NULL,
    Lower        FLOAT          NOT NULL,
    Upper        FLOAT          NOT NULL,
    WearingOff   BIT            NOT NULL CHECK (WearingOff IN (0, 1)),
    MeasuredAt   DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_InitiativeEffects PRIMARY KEY (InitiativeId, Week)
);

ALTER TABLE CsActions DROP CONSTRAINT CK_CsActions_Kind;
ALTER TABLE CsActions ADD CONSTRAINT CK_CsActions_Kind CHECK (Kind IN ('ParticipantAtRisk', 'TeamBelowMinimum', 'ShipmentProblem', 'ContractRenewal',
                                                                      'ClientHealthLow', 'NoDecisionMaker', 'NoRecentTouch', 'SeatsNearlyUsed',
                                                                      'CohortUnderEnrolled', 'ReportDue', 'PlaybookTask', 'InitiativeWearingOff'));
