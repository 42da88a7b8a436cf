using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Clients.KeyPersons;

public sealed record KeyPersonInput
{
    public string Name { get; init; } = "";
    public string? Title { get; init; }
    public KeyPersonRole Role { get; init; } = KeyPersonRole.HealthContact;
    public string? Email { get; init; }
    public string? Phone { get; init; }

    public static KeyPersonInput From(KeyPersonRow row) =>
        new() { Name = row.Name, Title = row.Title, Role = row.Role, Email = row.Email, Phone = row.Phone };

    public KeyPersonInput Normalized() => this with
    {
        Name = JapaneseText.Normalize(Name),
        Title = NullIfEmpty(JapaneseText.Normalize(Title)),
        Email = NullIfEmpty(JapaneseText.Normalize(Email)),
        Phone = NullIfEmpty(JapaneseText.Normalize(Phone)),
    };

    public object ToParameters(int clientId, DateTimeOffset now, string actor, int id = 0, int version = 0) => new
    {
        Id = id, ClientId = clientId, Version = version, Name, Title, Role = Role.ToString(), Email, Phone, Now = now, Actor = actor,
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

public sealed class KeyPersonInputValidator : FormValidator<KeyPersonInput>
{
    public KeyPersonInputValidator(IStringLocalizer<ClientsText> text) : base(text, "KeyPerson.")
    {
        RuleFor(k => k.Name).NotEmpty().WithMessage(_ => text["Validation.PersonNameRequired"])
            .MaximumLength(200).WithMessage(_ => text["Validation.TooLong", 200]);
        RuleFor(k => k.Title!).MaximumLength(200).WithMessage(_ => text["Validation.TooLong", 200]).When(k => k.Title is not null);
        RuleFor(k => k.Role).IsInEnum().WithMessage(_ => text["Validation.ChooseOne"]);
        RuleFor(k => k.Email).MustBeEmailAddress().WithMessage(_ => text["Validation.Email"]);
        RuleFor(k => k.Phone!).Matches(@"^\+?[0-9][0-9\- ()]{5,38}$").WithMessage(_ => text["Validation.Phone"]).When(k => k.Phone is not null);
    }
}
