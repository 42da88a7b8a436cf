using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using ProgramOps.Web.Features.Shared;

namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>
/// Every text a form or query brings is refused, on its own field, when it holds a control character (NUL, escape,
/// DEL…; tab and line breaks excepted) or an invisible direction override that makes a name read otherwise than it is
/// stored. The field stays unbound, so the page shows its form again instead of writing.
/// </summary>
public sealed class PlainTextModelBinder(IModelBinder inner) : IModelBinder
{
    public static bool HasForbiddenCharacter(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u0000', '\u0008') >= 0
        || text.AsSpan().IndexOfAny(['\u000B', '\u000C', '\u007F', '\u200E', '\u200F', '\u061C']) >= 0
        || text.AsSpan().IndexOfAnyInRange('\u000E', '\u001F') >= 0
        || text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') >= 0
        || text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') >= 0
        || text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') >= 0;

    public async Task BindModelAsync(ModelBindingContext context)
    {
        await inner.BindModelAsync(context);
        if (context.Result.Model is string text && HasForbiddenCharacter(text))
        {
            var messages = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
            context.ModelState.TryAddModelError(context.ModelName, messages["Binding.ControlCharacter"]);
            context.Result = ModelBindingResult.Failed();
        }
    }
}

public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource != BindingSource.Body
            ? new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
}
