using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgramOps.Web.Infrastructure.Web;

public static class ValidationExtensions
{
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
