using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgramOps.Web.Features.Clients;

/// <summary>What the create and edit pages share: the field rules and the reference checks.</summary>
public sealed class ClientForm(IStringLocalizer<ClientsText> text)
{
    public const string FieldPrefix = "Input";

    public async Task<ClientFormChoices> ValidateAsync(
        ModelStateDictionary modelState, DbConnection connection, ClientInput input, int clientId, CancellationToken ct)
    {
        modelState.AddFailures(await new ClientInputValidator(text).ValidateAsync(input, ct), FieldPrefix);
        var choices = await ClientFormChoices.LoadAsync(connection, clientId, ct);
        foreach (var (field, label, message) in await choices.CheckReferencesAsync(connection, input, clientId, text, ct))
        {
            modelState.AddFieldError($"{FieldPrefix}.{field}", label, message);
        }

        return choices;
    }
}
