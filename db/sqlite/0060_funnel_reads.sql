-- The funnel explorer over 1,000,000 participants in under a second for any selection (issue 13). It counted through
-- ReportingParticipants, whose every row joins the cohort and looks up the latest transition, and read the wide
-- participants table row by row: 3–7 s for everyone. Two narrow views read one covering index instead:
--   ReportingFunnelPeople    what the funnel groups and filters by, from the participants table alone (no personal
--                            columns: whether a department was given, not which). SQLite picks the index by itself: no
--                            other holds the check-in map.
--   ReportingFunnelLeavers   those who dropped out or withdrew, with the state they left and the program week they left
--                            in, counted as ReportingParticipants counts them (0030; FunnelExplorerEquivalenceTests
--                            compares the two). Without statistics (the console never runs ANALYZE) SQLite would read
--                            them through the narrower IX_Participants_CohortState and fetch every row from the wide
--                            table, twice as slow, so the view names its index.
--   IX_Participants_Funnel   covers both, in the order the funnel groups: cohort, state, then the check-in map, so the
--                            people of a cohort and state with the same map are one group before the weeks are counted.
-- The index adds some 60–100 bytes per participant: the roster import writes it once per person, a state change or a
-- check-in rewrites it.

CREATE INDEX IX_Participants_Funnel ON Participants (CohortId, State, CheckInWeeks, ClientId, TeamId, Department, StateChangedAt);

CREATE VIEW ReportingFunnelPeople AS
SELECT p.Id, p.CohortId, p.ClientId, p.TeamId, p.State,
       CASE WHEN p.Department IS NULL OR p.Department = '' THEN 0 ELSE 1 END AS HasDepartment,
       p.CheckInWeeks
FROM Participants p;

CREATE VIEW ReportingFunnelLeavers AS
SELECT p.Id, p.CohortId, p.ClientId, p.TeamId, p.State,
       CASE WHEN p.Department IS NULL OR p.Department = '' THEN 0 ELSE 1 END AS HasDepartment,
       p.CheckInWeeks,
       x.FromState AS ExitedFrom,
       CASE WHEN julianday(p.StateChangedAt) + 0.375 < julianday(c.StartDate) THEN 0
            ELSE CAST(julianday(p.StateChangedAt) + 0.375 - julianday(c.StartDate) AS INTEGER) / 7 + 1 END AS StateChangedWeek
FROM Participants p INDEXED BY IX_Participants_Funnel
JOIN Cohorts c ON c.Id = p.CohortId
LEFT JOIN ParticipantTransitions x ON x.Id = (SELECT MAX(t.Id) FROM ParticipantTransitions t WHERE t.ParticipantId = p.Id)
WHERE p.State IN ('DroppedOut', 'Withdrawn');
