-- Outcome reports read the app's facts from the participant's row. The same as
-- db/sqlite/0029_report_facts_on_participants.sql, which explains each column. DbUp splits this script on GO.

ALTER TABLE Participants ADD
    CheckInWeeks         VARCHAR(104) NOT NULL CONSTRAINT DF_Participants_CheckInWeeks DEFAULT '',
    FinalCoPpm           FLOAT        NULL,
    FinalWeightChangeKg  FLOAT        NULL,
    FinalWaistChangeCm   FLOAT        NULL,
    SatisfactionScore    INT          NULL;
GO

WITH weeks (Week) AS (SELECT 1 UNION ALL SELECT Week + 1 FROM weeks WHERE Week < 104),
     seen (ParticipantId, Week) AS (
         SELECT DISTINCT ParticipantId, ProgramWeek FROM ReportingCheckIns WHERE ProgramWeek BETWEEN 1 AND 104),
     reach (ParticipantId, LastWeek) AS (SELECT ParticipantId, MAX(Week) FROM seen GROUP BY ParticipantId),
     maps (ParticipantId, Weeks) AS (
         SELECT r.ParticipantId,
                STRING_AGG(CASE WHEN s.Week IS NULL THEN '0' ELSE '1' END, '') WITHIN GROUP (ORDER BY w.Week)
         FROM reach r
         JOIN weeks w ON w.Week <= r.LastWeek
         LEFT JOIN seen s ON s.ParticipantId = r.ParticipantId AND s.Week = w.Week
         GROUP BY r.ParticipantId)
UPDATE p SET CheckInWeeks = m.Weeks
FROM Participants p JOIN maps m ON m.ParticipantId = p.Id
OPTION (MAXRECURSION 104);

UPDATE p SET FinalCoPpm = f.CoPpm, FinalWeightChangeKg = f.WeightChangeKg, FinalWaistChangeCm = f.WaistChangeCm
FROM Participants p JOIN ReportingFinalAssessments f ON f.ParticipantId = p.Id;

UPDATE p SET SatisfactionScore = s.Score
FROM Participants p JOIN ReportingSatisfaction s ON s.ParticipantId = p.Id;

DROP VIEW ReportingCheckIns;
DROP VIEW ReportingFinalAssessments;
DROP VIEW ReportingSatisfaction;
DROP VIEW ReportingParticipants;
GO

CREATE VIEW ReportingParticipants AS
SELECT p.Id, p.CohortId, p.ClientId, p.ContractId, p.TeamId, p.State, p.Outcome,
       CASE WHEN p.State IN ('Invited', 'Declined', 'InvitationExpired') THEN 0
            WHEN p.State = 'Withdrawn' AND x.FromState = 'Invited' THEN 0
            ELSE 1 END AS Enrolled,
       x.FromState AS ExitedFrom,
       CASE WHEN CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE) < c.StartDate THEN 0
            ELSE DATEDIFF(day, c.StartDate, CAST(SWITCHOFFSET(p.StateChangedAt, '+09:00') AS DATE)) / 7 + 1 END AS StateChangedWeek,
       CASE WHEN p.LastCheckInOn IS NULL THEN NULL
            WHEN p.LastCheckInOn < c.StartDate THEN 0
            ELSE DATEDIFF(day, c.StartDate, p.LastCheckInOn) / 7 + 1 END AS LastCheckInWeek,
       CASE WHEN p.BirthYear IS NULL THEN NULL ELSE (YEAR(c.StartDate) - p.BirthYear) / 10 * 10 END AS AgeBand,
       CASE WHEN p.Department IS NULL OR p.Department = N'' THEN 0 ELSE 1 END AS HasDepartment,
       p.CheckInWeeks, p.FinalCoPpm AS CoPpm, p.FinalWeightChangeKg AS WeightChangeKg, p.FinalWaistChangeCm AS WaistChangeCm,
       p.SatisfactionScore
FROM Participants p
JOIN Cohorts c ON c.Id = p.CohortId
OUTER APPLY (SELECT TOP (1) t.FromState FROM ParticipantTransitions t
             WHERE t.ParticipantId = p.Id AND p.State IN ('DroppedOut', 'Withdrawn') ORDER BY t.Id DESC) x;
GO
