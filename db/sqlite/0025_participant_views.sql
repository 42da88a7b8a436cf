-- Every view of one participant's page: who and when (issue 15). A participant's record is sensitive personal
-- information (要配慮個人情報 under APPI), so each access is attributable to a staff user; administrators read the log.
-- WithPersonalData says whether the viewer's role was shown the personal fields (ProgramCS, Admin) or only a
-- pseudonymous label (BizDev, Viewer).
CREATE TABLE ParticipantViews (
    Id                INTEGER PRIMARY KEY AUTOINCREMENT,
    ParticipantId     INTEGER NOT NULL REFERENCES Participants (Id),
    UserId            INTEGER NULL REFERENCES Users (Id),
    UserName          TEXT    NOT NULL,
    WithPersonalData  INTEGER NOT NULL,
    ViewedAt          TEXT    NOT NULL
);
CREATE INDEX IX_ParticipantViews_Participant ON ParticipantViews (ParticipantId, Id);
CREATE INDEX IX_ParticipantViews_UserName ON ParticipantViews (UserName, Id);
