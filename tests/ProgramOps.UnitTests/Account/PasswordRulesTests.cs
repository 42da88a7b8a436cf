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

        Assert.Equal([Text["ChangePassword.TooShort", PasswordRules.MinimumLength].Value], errors);
        Assert.Contains("12", errors[0]);
        Assert.False(Text["ChangePassword.TooShort"].ResourceNotFound);
    }

    [Fact]
    public void Exactly_the_minimum_length_is_enough()
    {
        Assert.Empty(Errors("hanako", "kiwi-tram-42"));
        Assert.Equal(PasswordRules.MinimumLength, "kiwi-tram-42".Length);
    }

    [Fact]
    public void A_password_containing_the_user_name_in_any_case_is_refused()
    {
        var errors = Errors("hanako", "my-HANAKO-password-2026");

        Assert.Equal([Text["ChangePassword.SameAsUserName"].Value], errors);
    }

    [Fact]
    public void A_client_user_who_signs_in_by_e_mail_is_told_the_password_contains_the_e_mail_address_not_a_user_name()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ja");
        var validator = new ProgramOps.Web.Features.Portal.Site.AcceptModel.Validator("hanako@example.co.jp", Text);

        var error = Assert.Single(validator.Validate(new ProgramOps.Web.Features.Portal.Site.AcceptModel.Command
        {
            NewPassword = "hanako@example.co.jp-2026", ConfirmPassword = "hanako@example.co.jp-2026",
        }).Errors).ErrorMessage;

        Assert.Contains("メールアドレス", error);
        Assert.DoesNotContain("ユーザー名", error);
    }

    [Theory]
    [InlineData("h4n4k0-tram-line")]
    [InlineData("okanah-river-2026")]
    [InlineData("tram-H@N@KO-line")]
    public void A_password_built_from_the_user_name_in_another_spelling_is_refused(string password) =>
        Assert.Equal([Text["ChangePassword.SameAsUserName"].Value], Errors("hanako", password));

    [Theory]
    [InlineData("Password2026!")]
    [InlineData("p@ssw0rd12345")]
    [InlineData("qwertyuiop123")]
    [InlineData("123456789012")]
    [InlineData("abcdefghijkl")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("!!2026-2026!!")]
    [InlineData("ProgramOps2026!")]
    [InlineData("passwordpassword")]
    [InlineData("Welcome@2026")]
    public void Common_and_breached_pattern_passwords_are_refused(string password)
    {
        Assert.Equal([Text["ChangePassword.TooCommon"].Value], Errors("hanako", password));
        Assert.False(Text["ChangePassword.TooCommon"].ResourceNotFound);
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("sakura-tram-kettle-9")]
    [InlineData("夜明けの電車と紅茶と古い時計")]
    public void Unrelated_words_are_accepted(string password) => Assert.Empty(Errors("hanako", password));
}
