using FluentValidation.Results;

namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>
/// A form's validator whose every message begins with the field's label in the reader's language ("Seats: …",
/// "席数: …"), so that a message read away from its field — in the summary above the form, or by a screen reader — still
/// says which field it is about. The label is the resource the form shows beside the field: <c>{labelKeyPrefix}X</c> for
/// property X (read in the culture of the request that made the validator), or the one a rule names with
/// <c>WithName</c> where the form's key differs.
/// </summary>
public abstract class FormValidator<T>(IStringLocalizer labels, string labelKeyPrefix = "Field.") : AbstractValidator<T>
{
    protected override void OnRuleAdded(IValidationRule<T> rule) =>
        rule.SetDisplayName(labels[labelKeyPrefix + rule.PropertyName].Value);

    public override ValidationResult Validate(ValidationContext<T> context) => Labelled(base.Validate(context), context);

    public override async Task<ValidationResult> ValidateAsync(ValidationContext<T> context, CancellationToken cancellation = default) =>
        Labelled(await base.ValidateAsync(context, cancellation), context);

    /// <summary>Labels once, at the validator the page called: nested and included validators' failures pass through it.</summary>
    private static ValidationResult Labelled(ValidationResult result, ValidationContext<T> context)
    {
        if (context.IsChildContext) return result;
        foreach (var failure in result.Errors)
        {
            if (failure.FormattedMessagePlaceholderValues?.TryGetValue("PropertyName", out var label) == true && label is string name)
            {
                failure.ErrorMessage = ValidationExtensions.AboutField(name, failure.ErrorMessage);
            }
        }

        return result;
    }
}
