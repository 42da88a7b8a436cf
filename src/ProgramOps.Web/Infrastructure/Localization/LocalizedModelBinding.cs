using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Shared;

namespace ProgramOps.Web.Infrastructure.Localization;

/// <summary>
/// Field rules belong to the FluentValidation validators; MVC only reports values it could not read
/// at all (letters in a number field), and says so in the user's language.
/// </summary>
public sealed class LocalizedModelBinding(IStringLocalizer<SharedText> text) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Binding.InvalidValue", value]);
        messages.SetValueIsInvalidAccessor(value => text["Binding.InvalidValue", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binding.InvalidValue", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.Invalid"]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Binding.Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => text["Binding.Required"]);
        messages.SetMissingKeyOrValueAccessor(() => text["Binding.Required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.Required"]);
        messages.SetValueMustBeANumberAccessor(_ => text["Binding.Number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
    }
}
