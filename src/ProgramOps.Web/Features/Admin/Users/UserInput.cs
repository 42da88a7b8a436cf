using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Admin.Users;

/// <summary>What an administrator edits on a staff account (the user name and password have their own steps).</summary>
public sealed record UserInput
{
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public List<string> Roles { get; init; } = [];

    public UserInput Normalized() => this with
    {
        DisplayName = JapaneseText.Normalize(DisplayName),
        Email = JapaneseText.Normalize(Email) is { Length: > 0 } email ? email : null,
        Roles = Roles.Distinct().Order().ToList(),
    };

    public static UserInput From(StaffUser user) =>
        new() { DisplayName = user.DisplayName, Email = user.Email, Roles = user.Roles.Order().ToList() };

    public bool HasSameRolesAs(UserInput other) => Roles.Order().SequenceEqual(other.Roles.Order());
}

public sealed class UserInputValidator : FormValidator<UserInput>
{
    public UserInputValidator(IStringLocalizer<AdminText> text) : base(text, "Users.")
    {
        RuleFor(u => u.DisplayName).NotEmpty().WithMessage(_ => text["Users.DisplayNameRequired"]).MaximumLength(200);
        RuleFor(u => u.Email).MustBeEmailAddress().WithMessage(_ => text["Users.EmailInvalid"]);
        RuleFor(u => u.Roles).NotEmpty().WithMessage(_ => text["Users.RoleRequired"])
            .Must(roles => roles.All(ProgramOps.Web.Infrastructure.Auth.Roles.All.Contains)).WithMessage(_ => text["Users.RoleUnknown"]);
    }
}
