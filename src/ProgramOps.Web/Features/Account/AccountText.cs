namespace ProgramOps.Web.Features.Account;

/// <summary>Marker for the sign-in and password texts: AccountText.resx.</summary>
public sealed class AccountText;
