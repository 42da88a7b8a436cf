-- The funnel explorer's covering index and narrow views (see the SQLite script for why). The same key columns as
-- SQLite's; the leavers counted as SQL Server's ReportingParticipants counts them (0029).
CREATE INDEX IX_Participants_Funnel ON Participants (CohortId, State, CheckInWeeks, ClientId, TeamId, Department, StateChangedAt);
GO

CREATE VIEW ReportingFunnelPeople AS
SELECT p.Id, p.CohortId, p.ClientId, p.TeamId, p.State,
       CASE WHEN p.Department IS NULL OR p.Department = N'' THEN 0 ELSE 1 END AS HasDepartment,
       p.CheckInWeeks
FROM Participants p;
GO

CREATE VIEW ReportingFunnelLeavers AS
SELECT p.Id, p.CohortId, p.ClientId, p.TeamId, p.State,
       CASE WHEN p.Department IS NULL OR p.Department = N'' THEN 0 ELSE 1 END AS HasDepartment,
       p.CheckInWeeks,
       x.FromState AS ExitedFrom,
       CASE WHEN CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE) < c.StartDate THEN 0
            ELSE DATEDIFF(day, c.StartDate, CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE)) / 7 + 1 END AS StateChangedWeek
FROM Participants p
JOIN Cohorts c ON c.Id = p.CohortId
OUTER APPLY (SELECT TOP (1) t.FromState FROM ParticipantTransitions t WHERE t.ParticipantId = p.Id ORDER BY t.Id DESC) x
WHERE p.State IN ('DroppedOut', 'Withdrawn');
