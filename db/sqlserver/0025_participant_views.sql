-- Every view of one participant's page: who and when (issue 15). A participant's record is sensitive personal
-- information (要配慮個人情報 under APPI), so each access is attributable to a staff user; administrators read the log.
-- WithPersonalData says whether the viewer's role was shown the personal fields (ProgramCS, Admin) or only a
-- pseudonymous label (BizDev, Viewer).
CREATE TABLE ParticipantViews (
    Id                BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ParticipantViews PRIMARY KEY,
    ParticipantId     BIGINT         NOT NULL CONSTRAINT FK_ParticipantViews_Participants REFERENCES Participants (Id),
    UserId            INT            NULL CONSTRAINT FK_ParticipantViews_Users REFERENCES Users (Id),
    UserName          NVARCHAR(100)  NOT NULL,
    WithPersonalData  BIT            NOT NULL,
    ViewedAt          DATETIMEOFFSET NOT NULL
);
CREATE INDEX IX_ParticipantViews_Participant ON ParticipantViews (ParticipantId, Id);
CREATE INDEX IX_ParticipantViews_UserName ON ParticipantViews (UserName, Id);
