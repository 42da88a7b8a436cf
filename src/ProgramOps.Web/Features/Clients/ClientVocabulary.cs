namespace ProgramOps.Web.Features.Clients;

public enum ClientKind
{
    Employer,
    HealthInsuranceSociety,
    Other,
}

public enum ClientSegment
{
    Enterprise,
    Smb,
}

/// <summary>CSタイプ: how the account is accompanied (see DOMAIN.md).</summary>
public enum CsType
{
    Onboarding,
    AccompanyUpsell,
    AccompanyRoi,
    MidTouch,
}

/// <summary>CSスタイル: α consulting, β project management, γ task management, δ required action.</summary>
public enum CsStyle
{
    Consulting,
    ProjectManagement,
    TaskManagement,
    RequiredAction,
}

public enum TouchModel
{
    High,
    Low,
    Tech,
}

public enum KeyPersonRole
{
    DecisionMaker,
    HealthContact,
    Champion,
    Other,
}

public enum ContractStatus
{
    Draft,
    Active,
    Ended,
    Cancelled,
}
