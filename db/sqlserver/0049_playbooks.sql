-- Playbooks per client segment and CS type (issue 12): tasks relative to account events, each with the role that
-- owns it (CS or BizDev), a due offset in days and a short instruction in Japanese and English. The playbook job
-- creates each task once as a CS action (kind PlaybookTask, from 0048) for every client of the segment and type; the
-- action keeps a copy of the instruction, so editing a playbook never rewrites tasks already created.
CREATE TABLE Playbooks (
    Id        INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Playbooks PRIMARY KEY,
    Segment   NVARCHAR(20) NOT NULL CONSTRAINT CK_Playbooks_Segment CHECK (Segment IN ('Enterprise', 'Smb')),
    CsType    NVARCHAR(30) NOT NULL CONSTRAINT CK_Playbooks_CsType CHECK (CsType IN ('Onboarding', 'AccompanyUpsell', 'AccompanyRoi', 'MidTouch'))
);
CREATE UNIQUE INDEX UX_Playbooks_SegmentType ON Playbooks (Segment, CsType);

CREATE TABLE PlaybookTasks (
    Id             INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_PlaybookTasks PRIMARY KEY,
    PlaybookId     INT            NOT NULL CONSTRAINT FK_PlaybookTasks_Playbooks REFERENCES Playbooks (Id),
    Position       INT            NOT NULL,
    Anchor         NVARCHAR(20)   NOT NULL CONSTRAINT CK_PlaybookTasks_Anchor CHECK (Anchor IN ('ContractStart', 'EnrolmentOpens', 'CohortStart', 'Week4', 'CohortEnd', 'ReportIssued', 'Renewal120', 'Renewal90', 'Renewal60')),
    OffsetDays     INT            NOT NULL CONSTRAINT CK_PlaybookTasks_Offset CHECK (OffsetDays BETWEEN -180 AND 180),
    OwnerRole      NVARCHAR(10)   NOT NULL CONSTRAINT CK_PlaybookTasks_OwnerRole CHECK (OwnerRole IN ('Cs', 'BizDev')),
    InstructionJa  NVARCHAR(200)  NOT NULL,
    InstructionEn  NVARCHAR(200)  NOT NULL,
    Version        INT            NOT NULL CONSTRAINT DF_PlaybookTasks_Version DEFAULT 1,
    UpdatedAt      DATETIMEOFFSET NOT NULL,
    UpdatedBy      NVARCHAR(100)  NOT NULL
);
CREATE INDEX IX_PlaybookTasks_Playbook ON PlaybookTasks (PlaybookId, Position);

INSERT INTO Playbooks (Segment, CsType) VALUES
    ('Enterprise', 'Onboarding'), ('Enterprise', 'AccompanyUpsell'), ('Enterprise', 'AccompanyRoi'), ('Enterprise', 'MidTouch'),
    ('Smb', 'Onboarding'), ('Smb', 'AccompanyUpsell'), ('Smb', 'AccompanyRoi'), ('Smb', 'MidTouch');

-- Default tasks, the same for both segments of a type; Admin adapts them per segment.
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 1, 'ContractStart', -14, 'Cs', N'キックオフ会議を設定し、導入スケジュールと担当者をクライアントと確認する', N'Set up the kick-off meeting and agree the roll-out schedule and contacts with the client', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'Onboarding';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 2, 'EnrolmentOpens', -7, 'Cs', N'募集案内（社内告知文・ポスター）をクライアント担当者に渡し、配信日を確認する', N'Hand the recruitment kit (announcement, posters) to the client contact and confirm the send-out dates', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'Onboarding';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 3, 'CohortStart', 7, 'Cs', N'開始1週目の参加状況をクライアント担当者に共有する', N'Share week 1 participation with the client contact', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'Onboarding';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 4, 'Week4', 0, 'Cs', N'4週目の振り返り: 継続率と離脱理由を共有し、クライアントが自走できるよう運用を引き継ぐ', N'Week 4 review: share retention and drop-out reasons, and hand the running over so the client can go on alone', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'Onboarding';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 5, 'CohortEnd', 7, 'BizDev', N'終了報告会の日程を意思決定者と調整する', N'Schedule the end-of-program review with the decision maker', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'Onboarding';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 6, 'Renewal90', 0, 'BizDev', N'成果をもとに更新提案を準備する', N'Prepare the renewal proposal from the outcomes', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'Onboarding';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 1, 'ContractStart', -14, 'Cs', N'キックオフ会議で小さく始める対象部署と拡大の条件を合意する', N'At kick-off, agree the first departments and what would make the program grow', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyUpsell';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 2, 'CohortStart', 7, 'Cs', N'開始1週目の参加状況を共有する', N'Share week 1 participation', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyUpsell';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 3, 'Week4', 0, 'BizDev', N'4週目の成果をもとに、次の部署・拠点への展開（席数追加）を提案する', N'From the week 4 results, propose the next departments or sites (more seats)', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyUpsell';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 4, 'ReportIssued', 7, 'BizDev', N'成果報告をもとに、追加席数の見積もりを意思決定者に提示する', N'Present a quote for more seats to the decision maker from the outcome report', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyUpsell';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 5, 'Renewal120', 0, 'BizDev', N'利用状況と席数の消化を確認し、更新時の席数を検討する', N'Review usage and seats used, and work out the seats for the renewal', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyUpsell';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 6, 'Renewal60', 0, 'BizDev', N'更新・増席の合意を取り付ける', N'Get the renewal and added seats agreed', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyUpsell';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 1, 'ContractStart', -14, 'BizDev', N'経営層と成功指標（喫煙率・医療費・生産性）とROIの算定方法を合意する', N'Agree the success measures (smoking rate, medical cost, productivity) and how ROI is worked out with the executives', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyRoi';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 2, 'EnrolmentOpens', -7, 'Cs', N'募集案内を渡し、対象者数（喫煙者数）の最新値を確認する', N'Hand over the recruitment kit and confirm the latest eligible population (smokers)', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyRoi';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 3, 'Week4', 0, 'Cs', N'4週目の中間報告（参加・継続・禁煙状況）をクライアント担当者に送る', N'Send the week 4 interim figures (participation, retention, quitting) to the client contact', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyRoi';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 4, 'CohortEnd', 14, 'BizDev', N'最終報告書とROIの説明の場を経営層と設定する', N'Set up the final report and ROI presentation with the executives', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyRoi';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 5, 'ReportIssued', 14, 'BizDev', N'報告会で出た要望と次年度の目標を記録する', N'Record the requests and next year''s goals raised at the review', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyRoi';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 6, 'Renewal120', 0, 'BizDev', N'ROIの実績をもとに次年度の提案を準備する', N'Prepare next year''s proposal from the ROI achieved', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyRoi';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 7, 'Renewal90', 0, 'BizDev', N'意思決定者と更新提案の場を設定する', N'Set up the renewal proposal meeting with the decision maker', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'AccompanyRoi';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 1, 'EnrolmentOpens', -7, 'Cs', N'募集案内のテンプレートと配信手順をメールで送る', N'E-mail the recruitment templates and how to send them out', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'MidTouch';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 2, 'CohortStart', 7, 'Cs', N'開始1週目の参加状況をメールで共有する', N'E-mail week 1 participation', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'MidTouch';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 3, 'CohortEnd', 14, 'Cs', N'成果報告書を送付し、満足度アンケートへの回答を依頼する', N'Send the outcome report and ask for the satisfaction survey', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'MidTouch';
INSERT INTO PlaybookTasks (PlaybookId, Position, Anchor, OffsetDays, OwnerRole, InstructionJa, InstructionEn, Version, UpdatedAt, UpdatedBy)
SELECT p.Id, 4, 'Renewal90', 0, 'BizDev', N'更新案内をメールで送り、質問があれば面談を設定する', N'E-mail the renewal notice and set up a call if there are questions', 1, '2026-12-01T00:00:00.0000000+00:00', 'migration' FROM Playbooks p WHERE p.CsType = 'MidTouch';
