-- The funnel explorer's covering index in the order the SQLite script gives (see there for why): the entries a state
-- change or a new check-in week moves stay together.
DROP INDEX IX_Participants_Funnel ON Participants;
GO

CREATE INDEX IX_Participants_Funnel ON Participants (CohortId, State, CheckInWeeks, Id, ClientId, TeamId, Department, StateChangedAt);
GO
