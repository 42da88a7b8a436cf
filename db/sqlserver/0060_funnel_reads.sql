-- The funnel explorer's narrow view and covering index (see the SQLite script for why). The same key columns as SQLite's.
CREATE VIEW ReportingFunnelPeople AS
SELECT p.Id, p.CohortId, p.ClientId, p.TeamId, p.State,
       CASE WHEN p.Department IS NULL OR p.Department = N'' THEN 0 ELSE 1 END AS HasDepartment,
       p.CheckInWeeks
FROM Participants p;
GO

CREATE INDEX IX_Participants_Funnel ON Participants (CohortId, State, CheckInWeeks, ClientId, TeamId, Department, StateChangedAt);
