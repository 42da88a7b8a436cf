-- Feedback router: items staff report (with every merged report kept as a source), the Admin-edited
-- ordered rule set, each routing decision with the rules that fired (for the override rate by rule),
-- and status changes (for the reporters' home pages and the dashboard).

CREATE TABLE FeedbackItems (
    Id               INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_FeedbackItems PRIMARY KEY,
    Title            NVARCHAR(200)  NOT NULL,
    Description      NVARCHAR(MAX)  NOT NULL,
    Source           NVARCHAR(20)   NOT NULL CONSTRAINT CK_FeedbackItems_Source CHECK (Source IN ('CsObservation', 'SupportInquiry', 'TeamChat', 'N1Interview', 'Client', 'ParticipantApp')),
    ProgramId        INT            NULL CONSTRAINT FK_FeedbackItems_Programs REFERENCES Programs (Id),
    ClientId         INT            NULL CONSTRAINT FK_FeedbackItems_Clients REFERENCES Clients (Id),
    CohortId         INT            NULL CONSTRAINT FK_FeedbackItems_Cohorts REFERENCES Cohorts (Id),
    Stage            NVARCHAR(20)   NOT NULL CONSTRAINT CK_FeedbackItems_Stage CHECK (Stage IN ('Invitation', 'Enrolment', 'Onboarding', 'Week1', 'Weeks2To4', 'Weeks5To12', 'FinalAssessment', 'Renewal')),
    Category         NVARCHAR(20)   NOT NULL CONSTRAINT CK_FeedbackItems_Category CHECK (Category IN ('Notifications', 'Usability', 'Defect', 'Content', 'Supplies', 'PeerTeam', 'Reporting', 'Contract', 'Privacy', 'Other')),
    Severity         NVARCHAR(10)   NOT NULL CONSTRAINT CK_FeedbackItems_Severity CHECK (Severity IN ('Low', 'Medium', 'High', 'Critical')),
    AffectedCount    INT            NOT NULL CONSTRAINT CK_FeedbackItems_AffectedCount CHECK (AffectedCount >= 0),
    HelpsEveryUser   NVARCHAR(10)   NOT NULL CONSTRAINT CK_FeedbackItems_HelpsEveryUser CHECK (HelpsEveryUser IN ('Unknown', 'Yes', 'No')),
    ProgramSpecific  NVARCHAR(10)   NOT NULL CONSTRAINT CK_FeedbackItems_ProgramSpecific CHECK (ProgramSpecific IN ('Unknown', 'Yes', 'No')),
    ClientAsked      NVARCHAR(10)   NOT NULL CONSTRAINT CK_FeedbackItems_ClientAsked CHECK (ClientAsked IN ('Unknown', 'Yes', 'No')),
    Destination      NVARCHAR(20)   NOT NULL CONSTRAINT CK_FeedbackItems_Destination CHECK (Destination IN ('BaseProduct', 'ProgramLayer', 'ClientAccount', 'NeedsTriage')),
    Confidence       FLOAT          NOT NULL,
    Status           NVARCHAR(20)   NOT NULL CONSTRAINT CK_FeedbackItems_Status CHECK (Status IN ('New', 'Routed', 'Accepted', 'InProgress', 'Done', 'WontDo')),
    OwnerId          INT            NULL CONSTRAINT FK_FeedbackItems_Owner REFERENCES Users (Id),
    RoutedAt         DATETIMEOFFSET NULL,
    Version          INT            NOT NULL CONSTRAINT DF_FeedbackItems_Version DEFAULT 1,
    CreatedAt        DATETIMEOFFSET NOT NULL,
    CreatedBy        NVARCHAR(100)  NOT NULL,
    UpdatedAt        DATETIMEOFFSET NOT NULL,
    UpdatedBy        NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_FeedbackItems_Queue ON FeedbackItems (Destination, Status, CreatedAt);
CREATE INDEX IX_FeedbackItems_CreatedAt ON FeedbackItems (CreatedAt);

CREATE TABLE FeedbackReports (
    Id              INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_FeedbackReports PRIMARY KEY,
    FeedbackItemId  INT            NOT NULL CONSTRAINT FK_FeedbackReports_Items REFERENCES FeedbackItems (Id),
    Source          NVARCHAR(20)   NOT NULL CONSTRAINT CK_FeedbackReports_Source CHECK (Source IN ('CsObservation', 'SupportInquiry', 'TeamChat', 'N1Interview', 'Client', 'ParticipantApp')),
    Note            NVARCHAR(MAX)  NOT NULL,
    AffectedCount   INT            NOT NULL CONSTRAINT CK_FeedbackReports_AffectedCount CHECK (AffectedCount >= 0),
    ReporterId      INT            NULL CONSTRAINT FK_FeedbackReports_Reporter REFERENCES Users (Id),
    ReportedBy      NVARCHAR(100)  NOT NULL,
    ReportedAt      DATETIMEOFFSET NOT NULL
);
CREATE INDEX IX_FeedbackReports_Item ON FeedbackReports (FeedbackItemId);
CREATE INDEX IX_FeedbackReports_Reporter ON FeedbackReports (ReporterId, FeedbackItemId);

CREATE TABLE RoutingRules (
    Id           INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_RoutingRules PRIMARY KEY,
    Position     INT            NOT NULL CONSTRAINT CK_RoutingRules_Position CHECK (Position > 0),
    Name         NVARCHAR(100)  NOT NULL,
    Destination  NVARCHAR(20)   NOT NULL CONSTRAINT CK_RoutingRules_Destination CHECK (Destination IN ('BaseProduct', 'ProgramLayer', 'ClientAccount')),
    Weight       FLOAT          NOT NULL CONSTRAINT CK_RoutingRules_Weight CHECK (Weight > 0),
    Conditions   NVARCHAR(MAX)  NOT NULL,
    IsEnabled    BIT            NOT NULL CONSTRAINT DF_RoutingRules_IsEnabled DEFAULT 1,
    Version      INT            NOT NULL CONSTRAINT DF_RoutingRules_Version DEFAULT 1,
    CreatedAt    DATETIMEOFFSET NOT NULL,
    UpdatedAt    DATETIMEOFFSET NOT NULL,
    UpdatedBy    NVARCHAR(100)  NOT NULL
);

CREATE TABLE RoutingDecisions (
    Id                    INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_RoutingDecisions PRIMARY KEY,
    FeedbackItemId        INT            NOT NULL CONSTRAINT FK_RoutingDecisions_Items REFERENCES FeedbackItems (Id),
    Kind                  NVARCHAR(10)   NOT NULL CONSTRAINT CK_RoutingDecisions_Kind CHECK (Kind IN ('Rules', 'Override')),
    Destination           NVARCHAR(20)   NOT NULL CONSTRAINT CK_RoutingDecisions_Destination CHECK (Destination IN ('BaseProduct', 'ProgramLayer', 'ClientAccount', 'NeedsTriage')),
    Confidence            FLOAT          NULL,
    SuggestedDestination  NVARCHAR(20)   NULL,
    SuggestedProbability  FLOAT          NULL,
    Explanation           NVARCHAR(MAX)  NULL,
    Reason                NVARCHAR(1000) NULL,
    DecidedById           INT            NULL CONSTRAINT FK_RoutingDecisions_DecidedBy REFERENCES Users (Id),
    DecidedBy             NVARCHAR(100)  NOT NULL,
    DecidedAt             DATETIMEOFFSET NOT NULL
);
CREATE INDEX IX_RoutingDecisions_Item ON RoutingDecisions (FeedbackItemId, Id);

CREATE TABLE RoutingDecisionRules (
    DecisionId   INT          NOT NULL CONSTRAINT FK_RoutingDecisionRules_Decisions REFERENCES RoutingDecisions (Id),
    RuleId       INT          NOT NULL CONSTRAINT FK_RoutingDecisionRules_Rules REFERENCES RoutingRules (Id),
    Destination  NVARCHAR(20) NOT NULL,
    CONSTRAINT PK_RoutingDecisionRules PRIMARY KEY (DecisionId, RuleId)
);
CREATE INDEX IX_RoutingDecisionRules_Rule ON RoutingDecisionRules (RuleId);

CREATE TABLE FeedbackStatusChanges (
    Id              INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_FeedbackStatusChanges PRIMARY KEY,
    FeedbackItemId  INT            NOT NULL CONSTRAINT FK_FeedbackStatusChanges_Items REFERENCES FeedbackItems (Id),
    FromStatus      NVARCHAR(20)   NULL,
    ToStatus        NVARCHAR(20)   NOT NULL,
    ChangedById     INT            NULL CONSTRAINT FK_FeedbackStatusChanges_ChangedBy REFERENCES Users (Id),
    ChangedBy       NVARCHAR(100)  NOT NULL,
    ChangedAt       DATETIMEOFFSET NOT NULL
);
CREATE INDEX IX_FeedbackStatusChanges_Item ON FeedbackStatusChanges (FeedbackItemId, Id);
CREATE INDEX IX_FeedbackStatusChanges_ChangedAt ON FeedbackStatusChanges (ChangedAt);
