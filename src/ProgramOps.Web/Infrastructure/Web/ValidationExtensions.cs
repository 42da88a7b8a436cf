using System.Resources;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProgramOps.Web.Features.Shared;

namespace ProgramOps.Web.Infrastructure.Web;

public static class ValidationExtensions
{
    private static readonly ResourceManager SharedTexts = new(typeof(SharedText));

    /// <summary>A message about a field that begins with its label in the reader's language ("Seats: …").</summary>
    public static string AboutField(string label, string message) =>
        string.Format(SharedTexts.GetString("Validation.FieldMessage")!, label, message);

    /// <summary>A refusal found outside the form's validator (a choice that no longer exists, seats taken meanwhile), named like its messages.</summary>
    public static void AddFieldError(this ModelStateDictionary modelState, string key, string label, string message) =>
        modelState.AddModelError(key, AboutField(label, message));

    /// <summary>Puts FluentValidation failures on the form fields they belong to (prefix = bound property name, "" for the page's own).</summary>
    public static void AddFailures(this ModelStateDictionary modelState, ValidationResult result, string prefix)
    {
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) || prefix.Length == 0 ? failure.PropertyName : $"{prefix}.{failure.PropertyName}";
            modelState.AddModelError(key, failure.ErrorMessage);
        }
    }
}
