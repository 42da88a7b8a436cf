-- Outcome reports read what the app told about each participant from the participant's row, kept as the events
-- arrive, instead of from the million events behind a 100,000-person cohort (issue 11's speed target):
--   CheckInWeeks  the program weeks the participant checked in, one character per week from week 1: '1' checked in,
--                 '0' did not ('0110' = weeks 2 and 3); empty when never. Weeks before the start are not marked.
--   Final*        the final assessment's CO reading and body-measure changes (erased with the participant's answers).
--   SatisfactionScore  the latest answer to the 0–10 satisfaction question (erased likewise).
-- Existing rows are filled from the events; the views that read the events for reports go.

ALTER TABLE Participants ADD COLUMN CheckInWeeks TEXT NOT NULL DEFAULT '';
ALTER TABLE Participants ADD COLUMN FinalCoPpm REAL NULL;
ALTER TABLE Participants ADD COLUMN FinalWeightChangeKg REAL NULL;
ALTER TABLE Participants ADD COLUMN FinalWaistChangeCm REAL NULL;
ALTER TABLE Participants ADD COLUMN SatisfactionScore INTEGER NULL;

CREATE TEMP TABLE CheckInWeekMaps AS
WITH RECURSIVE
    seen (ParticipantId, Week) AS (
        SELECT DISTINCT ParticipantId, ProgramWeek FROM ReportingCheckIns WHERE ProgramWeek BETWEEN 1 AND 104),
    reach (ParticipantId, LastWeek) AS (SELECT ParticipantId, MAX(Week) FROM seen GROUP BY ParticipantId),
    map (ParticipantId, Week, Weeks) AS (
        SELECT ParticipantId, 0, '' FROM reach
        UNION ALL
        SELECT m.ParticipantId, m.Week + 1,
               m.Weeks || CASE WHEN EXISTS (SELECT 1 FROM seen s WHERE s.ParticipantId = m.ParticipantId AND s.Week = m.Week + 1) THEN '1' ELSE '0' END
        FROM map m JOIN reach r ON r.ParticipantId = m.ParticipantId
        WHERE m.Week < r.LastWeek)
SELECT m.ParticipantId, m.Weeks FROM map m JOIN reach r ON r.ParticipantId = m.ParticipantId AND m.Week = r.LastWeek;

UPDATE Participants SET CheckInWeeks = w.Weeks FROM CheckInWeekMaps w WHERE w.ParticipantId = Participants.Id;
DROP TABLE CheckInWeekMaps;

UPDATE Participants
SET FinalCoPpm = f.CoPpm, FinalWeightChangeKg = f.WeightChangeKg, FinalWaistChangeCm = f.WaistChangeCm
FROM ReportingFinalAssessments f WHERE f.ParticipantId = Participants.Id;

UPDATE Participants SET SatisfactionScore = s.Score FROM ReportingSatisfaction s WHERE s.ParticipantId = Participants.Id;

DROP VIEW ReportingCheckIns;
DROP VIEW ReportingFinalAssessments;
DROP VIEW ReportingSatisfaction;
DROP VIEW ReportingParticipants;

CREATE VIEW ReportingParticipants AS
SELECT p.Id, p.CohortId, p.ClientId, p.ContractId, p.TeamId, p.State, p.Outcome,
       CASE WHEN p.State IN ('Invited', 'Declined', 'InvitationExpired') THEN 0
            WHEN p.State = 'Withdrawn' AND x.FromState = 'Invited' THEN 0
            ELSE 1 END AS Enrolled,
       x.FromState AS ExitedFrom,
       CASE WHEN date(p.StateChangedAt, '+9 hours') < c.StartDate THEN 0
            ELSE CAST(julianday(date(p.StateChangedAt, '+9 hours')) - julianday(c.StartDate) AS INTEGER) / 7 + 1 END AS StateChangedWeek,
       CASE WHEN p.LastCheckInOn IS NULL THEN NULL
            WHEN p.LastCheckInOn < c.StartDate THEN 0
            ELSE CAST(julianday(p.LastCheckInOn) - julianday(c.StartDate) AS INTEGER) / 7 + 1 END AS LastCheckInWeek,
       CASE WHEN p.BirthYear IS NULL THEN NULL ELSE (CAST(substr(c.StartDate, 1, 4) AS INTEGER) - p.BirthYear) / 10 * 10 END AS AgeBand,
       CASE WHEN p.Department IS NULL OR p.Department = '' THEN 0 ELSE 1 END AS HasDepartment,
       p.CheckInWeeks, p.FinalCoPpm AS CoPpm, p.FinalWeightChangeKg AS WeightChangeKg, p.FinalWaistChangeCm AS WaistChangeCm,
       p.SatisfactionScore
FROM Participants p
JOIN Cohorts c ON c.Id = p.CohortId
LEFT JOIN ParticipantTransitions x
       ON p.State IN ('DroppedOut', 'Withdrawn')
      AND x.Id = (SELECT MAX(t.Id) FROM ParticipantTransitions t WHERE t.ParticipantId = p.Id);
