using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.UnitTests.Account;

public sealed class PasswordRulesTests
{
    private sealed record NewPassword(string UserName, string Password);

    private sealed class Validator : AbstractValidator<NewPassword>
    {
        public Validator(IStringLocalizer<AccountText> text) =>
            RuleFor(p => p.Password).MustBeAcceptablePassword(p => p.UserName, text);
    }

    private static readonly IStringLocalizer<AccountText> Text = new StringLocalizer<AccountText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static IReadOnlyList<string> Errors(string userName, string password) =>
        new Validator(Text).Validate(new NewPassword(userName, password)).Errors.Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void A_long_password_without_the_user_name_is_accepted()
    {
        Assert.Empty(Errors("hanako", "correct horse battery"));
    }

    [Fact]
    public void A_password_shorter_than_the_minimum_is_refused_with_the_localised_message()
    {
        var errors = Errors("hanako", new string('x', PasswordRules.MinimumLength - 1));

        Assert.Equal([Text["ChangePassword.TooShort"].Value], errors);
        Assert.False(Text["ChangePassword.TooShort"].ResourceNotFound);
    }

    [Fact]
    public void Exactly_the_minimum_length_is_enough()
    {
        Assert.Empty(Errors("hanako", new string('x', PasswordRules.MinimumLength)));
    }

    [Fact]
    public void A_password_containing_the_user_name_in_any_case_is_refused()
    {
        var errors = Errors("hanako", "my-HANAKO-password-2026");

        Assert.Equal([Text["ChangePassword.SameAsUserName"].Value], errors);
    }
}
