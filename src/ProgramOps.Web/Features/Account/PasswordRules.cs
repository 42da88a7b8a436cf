namespace ProgramOps.Web.Features.Account;

public static class PasswordRules
{
    public const int MinimumLength = 12;

    /// <summary>The rules every new password meets, wherever it is chosen (own change, admin reset).</summary>
    public static IRuleBuilderOptions<T, string> MustBeAcceptablePassword<T>(
        this IRuleBuilder<T, string> rule, Func<T, string> userName, IStringLocalizer<AccountText> text) =>
        rule
            .Must(p => (p ?? "").Length >= MinimumLength).WithMessage(_ => text["ChangePassword.TooShort"])
            .Must((model, p) => !p.Contains(userName(model), StringComparison.OrdinalIgnoreCase))
            .WithMessage(_ => text["ChangePassword.SameAsUserName"]);
}
