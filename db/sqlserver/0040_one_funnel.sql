-- One funnel for the whole console (issue 13): a feedback item's stage is one of the participant funnel's stages, or
-- none (NULL) for what is about the client account. Renewal was a client-side event, not a participant stage: its items
-- lose the stage and keep every other field. Rules that named Renewal no longer name it; a rule that named only Renewal
-- is disabled (it would now fire on every stage). The same change as the SQLite script, which rebuilds the table.

ALTER TABLE FeedbackItems DROP CONSTRAINT CK_FeedbackItems_Stage;
ALTER TABLE FeedbackItems ALTER COLUMN Stage NVARCHAR(20) NULL;
GO

UPDATE FeedbackItems SET Stage = NULL WHERE Stage = 'Renewal';
ALTER TABLE FeedbackItems ADD CONSTRAINT CK_FeedbackItems_Stage
    CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment'));

UPDATE RoutingRules SET IsEnabled = 0, Conditions = REPLACE(Conditions, '"stages":["Renewal"]', '"stages":[]')
WHERE Conditions LIKE '%"stages":\["Renewal"]%' ESCAPE '\';
UPDATE RoutingRules SET Conditions = REPLACE(Conditions, ',"Renewal"]', ']')
WHERE Conditions LIKE '%"stages":\[%,"Renewal"]%' ESCAPE '\';
